package id.berkasdesa.exchange;

import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.Messages;
import id.berkasdesa.keys.KeyPair;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a Dinas Sosial does with a village's file, and what anyone may do to check one: {@code verify}
 * (with or without the district's key), {@code open-bundle} and {@code sign-response}. The village
 * side writes bundles and reads answers ({@code bundle}); both meet here, in the exchange format.
 */
public final class District {

    private District() {
    }

    /** What {@link #verify} found in an intact bundle. */
    public record Verified(String name, String village, String kodeDesa, int requests, int documents,
            long payloadBytes, long zipBytes, String kind, String villageFingerprint, String district,
            String districtFingerprint) {
    }

    /**
     * Checks a bundle or response file: the bag, and the schema of its paket.json or balasan.json.
     *
     * @throws BundleException with what is wrong
     */
    public static Verified verify(Path file, Progress progress) {
        if (SealedBundle.isSealed(file)) {
            try (SealedBundle.Opened sealed = SealedBundle.open(file, progress)) {
                SealedBundle.Outside o = sealed.outside();
                return new Verified(o.name(), o.village().name(), o.village().code(), -1, -1, o.payloadBytes(),
                        o.zipBytes(), o.kind() + "-aman", o.village().fingerprint(), o.districtName(), o.districtFingerprint());
            } catch (java.io.IOException e) {
                throw new BundleException("sealed.error.damaged", e, file.getFileName());
            }
        }
        try (BagReader reader = BagReader.open(file)) {
            return verified(reader, reader.verify(progress), null);
        }
    }

    /**
     * What a check found, in words for the window ({@code window}) or one line for the command line:
     * what the file is (a village's bundle or the Dinas Sosial's answer, plain or protected), whose, for
     * whom, and what it holds. A protected file checked without the private key has its signature and
     * every byte checked, not its contents (-1 requests).
     */
    public static String describe(Path file, Verified v, Messages m, boolean window) {
        String name = window ? String.valueOf(file.getFileName()) : file.toString();
        String mb = megabytes(v.payloadBytes());
        String ok = window ? "bundle.verify.ok" : "cli.verify.ok";
        return switch (v.kind()) {
            case "paket-aman" -> v.requests() < 0
                    ? m.get(window ? "bundle.verify.okSealed" : "cli.verify.okSealed", name, v.village(), v.kodeDesa(),
                            v.villageFingerprint(), v.district(), v.districtFingerprint(), mb)
                    : m.get(ok, name, v.village(), v.kodeDesa(), v.requests(), v.documents(), mb)
                            + " " + m.get("cli.verify.signedBy", v.villageFingerprint());
            // an answer's signer is the Dinas Sosial, its recipient the village
            case "balasan-aman" -> m.get(window ? "bundle.verify.okSealedResponse" : "cli.verify.okSealedResponse", name,
                    v.village(), v.villageFingerprint(), v.district(), v.districtFingerprint(), mb);
            case "paket" -> m.get(ok, name, v.village(), v.kodeDesa(), v.requests(), v.documents(), mb);
            default -> m.get(window ? "bundle.verify.okResponse" : "cli.verify.okResponse", name, v.village(), v.kodeDesa(),
                    v.requests(), v.documents(), mb);
        };
    }

    /**
     * Checks a protected bundle whole with the Dinas Sosial's private keys: its outside, then its bag,
     * decrypted as it is read (nothing written).
     *
     * @throws BundleException damaged, not signed, for another district, or a bag that does not verify
     */
    public static Verified verify(Path file, KeyPair district, Progress progress) {
        return verifyThen(file, district, progress, (reader, v) -> v);
    }

    /** A village's bundle received at the district: checked whole, and what it carries. */
    public record Received(Verified verified, Paket paket, id.berkasdesa.keys.PublicKeys village) {
        /** The village's audit head when it made the bundle; null from a village that sent none. */
        public Paket.RekamJejak auditHead() {
            return paket.paket() == null ? null : paket.paket().rekamJejak();
        }
    }

    /**
     * The same check as {@link #verify(Path, KeyPair, Progress)}, for the district's inbox: only a
     * village's protected bundle (not an answer), and its {@code paket.json} read from the same
     * decrypted bag once it verified.
     *
     * @throws BundleException as {@code verify}, or "sealed.error.notSealed" for a file that is no
     *     protected bundle of a village
     */
    public static Received receive(Path file, KeyPair district, Progress progress) {
        return receive(file, district, progress, null);
    }

    /** The same, each payload file also written to {@code tee} in the pass that checks it (see {@link BagReader.Tee}). */
    public static Received receive(Path file, KeyPair district, Progress progress, BagReader.Tee tee) {
        return verifyThen(file, district, progress, tee, (AfterCheck<Received>) (reader, v, signer) -> {
            if (!"paket-aman".equals(v.kind())) {
                throw new BundleException("sealed.error.notSealed", file.getFileName());
            }
            return new Received(v, ExchangeJson.paket(reader), signer);
        });
    }

    /**
     * A plain bundle (neither encrypted nor signed: an older app's, or one exported without the
     * district's key), for an office whose setting allows them: its bag checked whole, each payload
     * file also written to {@code tee}, and its {@code paket.json}; {@link Received#village} is null,
     * as nothing proves who made it.
     *
     * @throws BundleException damaged, or a bag that holds no village's request list (an answer)
     */
    public static Received receivePlain(Path file, Progress progress, BagReader.Tee tee) {
        try (BagReader reader = BagReader.open(file)) {
            BagReader.Checked c = reader.verify(progress, tee);
            if (!reader.has(Paket.PATH)) {
                throw new BundleException("sealed.error.notBundle", file.getFileName());
            }
            return new Received(verified(reader, c, null), ExchangeJson.paket(reader), null);
        }
    }

    private static <T> T verifyThen(Path file, KeyPair district, Progress progress,
            java.util.function.BiFunction<BagReader, Verified, T> then) {
        return verifyThen(file, district, progress, null, (reader, v, signer) -> then.apply(reader, v));
    }

    private interface AfterCheck<T> {
        T apply(BagReader reader, Verified verified, id.berkasdesa.keys.PublicKeys signer);
    }

    private static <T> T verifyThen(Path file, KeyPair district, Progress progress, BagReader.Tee tee, AfterCheck<T> then) {
        if (!SealedBundle.isSealed(file)) {
            throw new BundleException("sealed.error.notSealed", file.getFileName());
        }
        try (SealedBundle.Opened sealed = SealedBundle.openUnchecked(file);
                BagReader reader = sealed.bag(sealed.contentKey(district))) {
            // the signature's hash (one read of the file) beside the decryption and the bag's check
            java.util.concurrent.CompletableFuture<Void> signature = java.util.concurrent.CompletableFuture.runAsync(
                    () -> sealed.checkSignature(Progress.none()));
            BagReader.Checked c;
            try {
                c = inner(reader, progress, file, tee);
            } finally {
                joinSignature(signature, file);
            }
            Verified v = verified(reader, new BagReader.Checked(c.name(), c.info(), c.payloadFiles(), c.payloadBytes(),
                    sealed.outside().zipBytes()), sealed.outside());
            return then.apply(reader, v, sealed.outside().signer());
        } catch (java.io.IOException e) {
            throw new BundleException("sealed.error.damaged", e, file.getFileName());
        }
    }

    /**
     * Writes the plain bag of a protected bundle into {@code folder} (as today's plain bundles), only
     * after the whole bundle verified with the district's keys; the file written is verified again
     * before it gets its name. On any failure nothing is left in {@code folder}.
     */
    public static Path openBundle(Path file, KeyPair district, Path folder, Progress progress) {
        Verified v = verify(file, district, progress.phase(0, 0.5));
        Path target = folder.resolve(v.name() + ".zip");
        Path temp = folder.resolve(v.name() + ".zip.part");
        if (Files.exists(target)) {
            throw new BundleException("sealed.error.exists", target.toString());
        }
        boolean done = false;
        try (SealedBundle.Opened sealed = SealedBundle.open(file, Progress.none())) {
            Files.createDirectories(folder);
            try (java.nio.channels.SeekableByteChannel plain = sealed.plainChannel(sealed.contentKey(district));
                    FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 20);
                while (plain.read(b) >= 0) {
                    progress.check();
                    b.flip();
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                    b.clear();
                }
                out.force(true);
            }
            try (BagReader reader = BagReader.open(temp)) {
                reader.verify(progress.phase(0.5, 1.0));
            }
            move(temp, target);
            done = true;
            return target;
        } catch (java.io.IOException e) {
            throw new BundleException("bundle.error.write", e, folder.toString(), 0);
        } finally {
            if (!done) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * At the Dinas Sosial: an answer to a protected bundle, signed with the district's keys and
     * encrypted to the village that sent {@code bundle} (its public key comes from the bundle) — from
     * the filled {@code usulan.xlsx} or a response bag {@code .zip}. Written to {@code out} under a
     * temporary name, read back and checked, then renamed.
     *
     * @throws BundleException the bundle is damaged or not for this district, the answer is not a
     *     spreadsheet or response bag, or the file could not be written
     */
    public static Path signResponse(Path response, Path bundle, KeyPair district, Path out) {
        SealedBundle.Outside of;
        try (SealedBundle.Opened sealed = SealedBundle.open(bundle, Progress.none())) {
            of = sealed.outside();
            if (!of.kind().equals("paket")) {
                throw new BundleException("sealed.error.notBundle", bundle.getFileName());
            }
            sealed.contentKey(district); // it was encrypted for this district, or this is the wrong key
        } catch (java.io.IOException e) {
            throw new BundleException("sealed.error.damaged", e, bundle.getFileName());
        }
        String lower = response.getFileName().toString().toLowerCase(Locale.ROOT);
        String format;
        if (lower.endsWith(".xlsx")) {
            BagReader.checkZip(response);
            format = "xlsx";
        } else {
            try (BagReader bag = BagReader.open(response)) {
                bag.verify(Progress.none());
                if (!bag.has(Balasan.PATH)) {
                    throw new BundleException("bundle.error.notResponse");
                }
            }
            format = "bag";
        }
        try (InputStream in = Files.newInputStream(response)) {
            return seal(in, format, of.id(), of.name(), of.signer(), district, out);
        } catch (java.io.IOException e) {
            throw new BundleException("bundle.error.write", e, String.valueOf(out.getParent()), 0);
        }
    }

    /**
     * The Dinas Sosial's answer to one bundle of a village, made by the app: {@code balasan.json} in a
     * bag, signed by the office and encrypted to the key that signed the bundle, written to
     * {@code out} under a temporary name, read back and checked, then renamed.
     */
    public static Path answer(Balasan balasan, String forBundleId, String forBundleName, id.berkasdesa.keys.PublicKeys village,
            KeyPair district, Path out) {
        java.io.ByteArrayOutputStream bag = new java.io.ByteArrayOutputStream();
        try {
            BagWriter w = new BagWriter(bag, "balasan_" + forBundleName, System.currentTimeMillis(), Progress.none());
            w.payload("balasan.json", ExchangeJson.write(balasan));
            w.finish(Map.of("Source-Organization", district.publicKeys().name(), "Kode-Desa", balasan.kodeDesa()),
                    java.time.LocalDate.now());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e); // in memory
        }
        return seal(new java.io.ByteArrayInputStream(bag.toByteArray()), "bag", forBundleId, forBundleName, village, district, out);
    }

    private static Path seal(InputStream in, String format, String forBundleId, String forBundleName,
            id.berkasdesa.keys.PublicKeys village, KeyPair district, Path out) {
        Path temp = out.resolveSibling(out.getFileName() + ".part");
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE)) {
                String name = "balasan_" + forBundleName;
                SealedBundle.Writer w = new SealedBundle.Writer(channel, UUID.randomUUID().toString(), name,
                        System.currentTimeMillis(), district, village, java.util.function.UnaryOperator.identity(), "balasan", forBundleId, format);
                OutputStream payload = new BufferedOutputStream(w.payload(), 1 << 20);
                in.transferTo(payload);
                payload.flush();
                w.finish();
                channel.force(true);
            }
            try (SealedBundle.Opened check = SealedBundle.open(temp, Progress.none())) {
                if (!check.outside().signer().equals(district.publicKeys())) {
                    throw new BundleException("bundle.error.readBack", out.getParent().toString());
                }
            }
            move(temp, out);
            done = true;
            return out;
        } catch (java.io.IOException e) {
            throw new BundleException("bundle.error.write", e, String.valueOf(out.getParent()), 0);
        } finally {
            if (!done) {
                deleteQuietly(temp);
            }
        }
    }

    private static void joinSignature(java.util.concurrent.CompletableFuture<Void> signature, Path file) {
        try {
            signature.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof BundleException b ? b : new BundleException("sealed.error.damaged", e, file.getFileName());
        }
    }

    private static BagReader.Checked inner(BagReader reader, Progress progress, Path file, BagReader.Tee tee) {
        try {
            return reader.verify(progress, tee);
        } catch (BundleException e) {
            if ("bundle.error.read".equals(e.key())) {
                throw new BundleException("sealed.error.damaged", e, file.getFileName()); // an AEAD tag failed
            }
            throw e;
        }
    }

    private static Verified verified(BagReader reader, BagReader.Checked c, SealedBundle.Outside sealed) {
        BagInfo info = BagInfo.of(c.info());
        String kind = sealed == null ? "" : "-aman";
        String villageFp = sealed == null ? null : sealed.village().fingerprint();
        String districtName = sealed == null ? null : sealed.districtName();
        String districtFp = sealed == null ? null : sealed.districtFingerprint();
        if (reader.has(Paket.PATH)) {
            Paket paket = ExchangeJson.paket(reader);
            Paket.Desa desa = paket.desa() == null ? new Paket.Desa(null, null, null, null, null, null, null) : paket.desa();
            int docs = paket.documents();
            if (sealed != null && (!sealed.village().code().equals(String.valueOf(desa.kode()))
                    || !sealed.village().fingerprint().equals(info.kunciDesa()))) {
                throw new BundleException("sealed.error.signature", c.name());
            }
            return new Verified(c.name(), String.valueOf(desa.nama()), String.valueOf(desa.kode()),
                    paket.usulan().size(), docs, c.payloadBytes(), c.zipBytes(), "paket" + kind, villageFp, districtName, districtFp);
        }
        if (reader.has(Balasan.PATH)) {
            Balasan balasan = ExchangeJson.balasan(reader);
            List<Balasan.Keputusan> decisions = balasan.keputusan() == null ? List.of() : balasan.keputusan();
            return new Verified(c.name(), info.sourceOrganization() == null ? "" : info.sourceOrganization(),
                    String.valueOf(balasan.kodeDesa()), decisions.size(), reader.files("data/surat/").size(),
                    c.payloadBytes(), c.zipBytes(), "balasan" + kind, villageFp, districtName, districtFp);
        }
        throw new BundleException("bundle.error.noPaket");
    }

    /** Bytes as the operator reads a size: megabytes with one decimal ("12.3"). */
    public static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1_048_576.0);
    }

    /** Renames the verified file to its final name, on the same stick, and makes the rename stick too. */
    private static void move(Path temp, Path target) {
        try {
            AtomicFile.rename(temp, target, false);
        } catch (IOException e) {
            throw new BundleException("bundle.error.write", e, target.getParent().toString(), 0);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a removed stick: nothing is left to delete, or nothing can be
        }
    }
}
