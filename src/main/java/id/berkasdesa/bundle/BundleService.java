package id.berkasdesa.bundle;

import id.berkasdesa.exchange.BagInfo;
import id.berkasdesa.exchange.BagReader;
import id.berkasdesa.exchange.BagWriter;
import id.berkasdesa.exchange.SealedBundle;
import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.exchange.AuditHead;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.exchange.SafeName;

import id.berkasdesa.audit.AuditService;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.keys.PublicKeys;
import id.berkasdesa.document.Document;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.DocumentSettings;
import id.berkasdesa.files.FileType;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Member;
import id.berkasdesa.request.ReactivationRequest;
import id.berkasdesa.request.RequestFilter;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RequestSummary;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Wilayah;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * Bundles for the Dinas Sosial: written to a stick as a zipped BagIt bag, read back and verified
 * there, and only then recorded (the requests become Terkirim in one transaction). Also checks any
 * bundle ({@link #verify}); reading the Dinas Sosial's response is {@link ResponseService}'s.
 */
public final class BundleService {

    /** A bundle carries at most this many requests (with 4 documents each, far under the entry limit). */
    public static final int MAX_REQUESTS = 2_000;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");
    private static final List<DocumentKind> KINDS = List.of(DocumentKind.KTP, DocumentKind.KK, DocumentKind.SKTM,
            DocumentKind.FASKES);

    /** What was written, and how long it took (writing, forcing to the stick, reading back). */
    /** The file-name prefix of a bundle made from the sample village ("Coba dengan data contoh"). */
    public static final String SAMPLE_PREFIX = "CONTOH_";
    /** bag-info.txt's Data-Contoh value for such a bundle. */
    static final String SAMPLE_MARK = "YA - data karangan untuk latihan, jangan diproses";

    public record Exported(Path file, UUID id, String name, int requests, int resent, int documents, long payloadBytes,
            long zipBytes, Duration took) {
    }

    private final Database db;
    private final RequestService requests;
    private final HouseholdService households;
    private final DocumentService documents;
    private final VillageService villages;
    private final Wilayah wilayah;
    private final AuditService audit;
    private final Clock clock;
    private final String appVersion;
    private final Messages messages = Messages.indonesian();
    /** Between the zip and the file: tests put a failing or lying stick here. */
    UnaryOperator<OutputStream> device = UnaryOperator.identity();

    private final DistrictKeyService districtKeys;
    private final java.util.function.Supplier<KeyPair> villageKeys;

    public BundleService(Database db, RequestService requests, HouseholdService households, DocumentService documents,
            VillageService villages, AuditService audit, Wilayah wilayah, Clock clock, String appVersion,
            DistrictKeyService districtKeys, java.util.function.Supplier<KeyPair> villageKeys) {
        this.db = db;
        this.districtKeys = districtKeys;
        this.villageKeys = villageKeys;
        this.audit = audit;
        this.requests = requests;
        this.households = households;
        this.documents = documents;
        this.villages = villages;
        this.wilayah = wilayah;
        this.clock = clock;
        this.appVersion = appVersion;
    }

    /** The requests that can go into a bundle: ready ones, and sent ones (to send again), urgent first. */
    public List<RequestSummary> candidates() {
        List<RequestSummary> all = new ArrayList<>(requests.search(RequestFilter.all()
                .withStatuses(EnumSet.of(RequestStatus.SIAP_KIRIM, RequestStatus.TERKIRIM)).withLimit(MAX_REQUESTS * 5)));
        all.sort(Comparator.comparing((RequestSummary r) -> r.status() != RequestStatus.SIAP_KIRIM)
                .thenComparing(r -> !r.urgent())
                .thenComparing(RequestSummary::deadline, Comparator.nullsLast(Comparator.naturalOrder())));
        return all;
    }

    /** What the export dialog offers: the requests, whether this is the sample village, and today. */
    /**
     * @param district the Dinas Sosial the bundle will be encrypted to (its name and fingerprint), or
     *     null: then the bundle can only be plain, by the operator's explicit choice
     */
    public record Choice(List<RequestSummary> candidates, boolean sampleVillage, java.time.LocalDate today,
            String district, String districtFingerprint) {
        public Choice(List<RequestSummary> candidates, boolean sampleVillage, java.time.LocalDate today) {
            this(candidates, sampleVillage, today, null, null);
        }
    }

    /** Reads the {@link Choice} (a worker-thread read). */
    public Choice choice() {
        java.util.Optional<DistrictKeyService.DistrictKey> district = districtKeys.current();
        return new Choice(candidates(), villages.profile().map(VillageProfile::sample).orElse(false),
                java.time.LocalDate.now(clock), district.map(d -> d.keys().name()).orElse(null),
                district.map(DistrictKeyService.DistrictKey::fingerprint).orElse(null));
    }

    /** The ids of every request ready to send (the export's default choice). */
    public List<UUID> ready() {
        return candidates().stream().filter(r -> r.status() == RequestStatus.SIAP_KIRIM).map(RequestSummary::id).toList();
    }

    /**
     * Writes the bundle of {@code ids} into {@code folder} (a stick) as {@code <kode>_<yyyymmdd-hhmm>.zip}:
     * to a temporary name, forced to disk, read back and verified, renamed; then the requests become
     * Terkirim in one transaction. On any failure, or a cancel, no file stays under the final name and
     * no request changes.
     *
     * @throws BundleException nothing chosen, a request not ready, folder missing, stick full or
     *         removed, the read-back not matching, cancelled
     */
    public Exported export(List<UUID> ids, Path folder, Progress progress) {
        return export(ids, folder, true, progress);
    }

    /**
     * The same; with the Dinas Sosial's key imported, the bundle is protected ({@link SealedBundle}:
     * encrypted to the district, signed by the village). Without one it is today's plain bag, marked
     * unprotected, only when {@code plainAllowed} (the operator chose it, warned that the stick then
     * carries personal data in clear).
     *
     * @throws BundleException "bundle.error.noDistrictKey" without a district key and without that choice
     */
    public Exported export(List<UUID> ids, Path folder, boolean plainAllowed, Progress progress) {
        db.require("bundle.export"); // before any file is copied or written: a role that may not, changes nothing
        java.util.Optional<DistrictKeyService.DistrictKey> district = districtKeys.current();
        if (district.isEmpty() && !plainAllowed) {
            throw new BundleException("bundle.error.noDistrictKey");
        }
        long started = System.nanoTime();
        VillageProfile village = villages.profile().orElseThrow(() -> new BundleException("bundle.error.noVillage"));
        if (ids.isEmpty()) {
            throw new BundleException("bundle.error.nothing");
        }
        if (ids.size() > MAX_REQUESTS) {
            throw new BundleException("bundle.error.tooMany", ids.size(), MAX_REQUESTS);
        }
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new BundleException("bundle.error.folder", folder == null ? "" : folder.toString());
        }
        List<BundleItem> items = items(ids);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // a bundle of the invented sample village says so in its very name
        String base = (village.sample() ? SAMPLE_PREFIX : "") + village.kodeDesaDigits() + "_" + STAMP.format(now);
        String name = base;
        for (int n = 2; Files.exists(folder.resolve(name + ".zip")); n++) {
            name = base + "-" + n;
        }
        UUID id = UUID.randomUUID();
        Path target = folder.resolve(name + ".zip");
        Path temp = folder.resolve(name + ".zip.part");
        BundleFiles.Header header = new BundleFiles.Header(id, name, village, wilayah.pathTo(village.kodeDesa()), now,
                appVersion, db.session().operator(), AuditHead.of(audit.head()));
        boolean done = false;
        KeyPair villageKey = district.isPresent() ? villageKeys.get() : null;
        try {
            Written written = write(temp, header, items, progress, villageKey,
                    district.map(DistrictKeyService.DistrictKey::keys).orElse(null));
            long payload = written.payload();
            BagReader.Checked checked;
            try {
                checked = readBack(temp, written, progress);
            } catch (BundleException e) {
                if ("bundle.cancelled".equals(e.key())) {
                    throw e;
                }
                throw new BundleException("bundle.error.readBack", e, folder.toString());
            }
            if (checked.payloadBytes() != payload) {
                throw new BundleException("bundle.error.readBack", folder.toString());
            }
            progress.check();
            move(temp, target);
            int documentCount = items.stream().mapToInt(i -> i.documents().size()).sum();
            record(id, name, now, items, documentCount, payload, checked.zipBytes());
            done = true;
            return new Exported(target, id, name, items.size(), (int) items.stream().filter(BundleItem::resend).count(),
                    documentCount, payload, checked.zipBytes(), Duration.ofNanos(System.nanoTime() - started));
        } finally {
            if (!done) {
                deleteQuietly(temp);
                deleteQuietly(target);
            }
        }
    }

    private List<BundleItem> items(List<UUID> ids) {
        DocumentSettings settings = documents.settings();
        LocalDate today = LocalDate.now(clock);
        Map<UUID, Household> loaded = new LinkedHashMap<>();
        Map<UUID, List<Document>> docs = new LinkedHashMap<>();
        List<BundleItem> items = new ArrayList<>();
        for (UUID id : ids) {
            ReactivationRequest r = requests.find(id).orElseThrow(() -> new BundleException("bundle.error.gone"));
            Household h = loaded.computeIfAbsent(r.householdId(), hid -> households.load(hid).orElse(null));
            Member m = h == null ? null : h.members().stream().filter(x -> x.id().equals(r.memberId())).findFirst()
                    .orElse(null);
            if (m == null) {
                throw new BundleException("bundle.error.gone");
            }
            if (r.status() != RequestStatus.SIAP_KIRIM && r.status() != RequestStatus.TERKIRIM) {
                throw new BundleException("bundle.error.notReady", m.nama(), r.status());
            }
            List<Document> all = docs.computeIfAbsent(h.id(), documents::forHousehold);
            List<BundleItem.Doc> chosen = new ArrayList<>();
            String folder = "dokumen/" + SafeName.clean(m.nik() != null ? m.nik()
                    : "tanpa-nik-" + r.id().toString().substring(0, 8)) + "/";
            for (DocumentKind kind : KINDS) {
                // the person's own before the household's, then the newest; never an expired letter
                all.stream().filter(d -> d.kind() == kind && d.appliesTo(m.id()))
                        .filter(d -> !d.expired(today, settings.expiryMonths()))
                        .max(Comparator.comparing((Document d) -> d.memberId() != null)
                                .thenComparing(Document::tanggal, Comparator.nullsFirst(Comparator.naturalOrder())))
                        .ifPresent(d -> chosen.add(new BundleItem.Doc(d,
                                folder + kind.name().toLowerCase(Locale.ROOT) + "." + extension(d.copyType()))));
            }
            items.add(new BundleItem(r, h, m, chosen, r.status() == RequestStatus.TERKIRIM));
        }
        items.sort(Comparator.comparing((BundleItem i) -> !i.request().urgent())
                .thenComparing(i -> i.request().deadline(), Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }

    static String extension(FileType type) {
        return switch (type) {
            case PDF -> "pdf";
            case PNG -> "png";
            case JPEG -> "jpg";
        };
    }

    /** A copy's digest, and its bytes when it is small enough to keep until it is written. */
    private record Read(BagWriter.Digest digest, byte[] bytes) {
    }

    /** Copies read ahead of the writer at most; and the largest kept in memory meanwhile (an upload copy is ~1 MB). */
    private static final int AHEAD = 3;
    private static final long KEEP_BYTES = 8L << 20;

    /** What was written: the payload's bytes, and for a protected bundle its content key (kept in memory for the read-back). */
    private record Written(long payload, byte[] contentKey) {
    }

    /**
     * Reads the file just written back from the stick and checks it whole: a plain bag, or a protected
     * bundle's signature and ciphertext hash, then its bag decrypted with the content key.
     */
    private static BagReader.Checked readBack(Path temp, Written written, Progress progress) {
        if (written.contentKey() == null) {
            try (BagReader reader = BagReader.open(temp)) {
                return reader.verify(progress.phase(0.5, 1.0));
            }
        }
        // the writer's own read-back: everything inside decrypted and checked; the signature was made from
        // a read of the written file, so the district's check of it reads the same bytes
        try (SealedBundle.Opened sealed = SealedBundle.openUnchecked(temp);
                BagReader reader = sealed.bag(written.contentKey())) {
            BagReader.Checked inner = reader.verify(progress.phase(0.5, 1.0));
            return new BagReader.Checked(inner.name(), inner.info(), inner.payloadFiles(), inner.payloadBytes(),
                    sealed.outside().zipBytes());
        } catch (java.io.IOException e) {
            throw new BundleException("bundle.error.readBack", e, temp.getParent().toString());
        } finally {
            java.util.Arrays.fill(written.contentKey(), (byte) 0);
        }
    }

    /** Writes the bag to {@code temp} and forces it to the device; protected when {@code district} is given. */
    private Written write(Path temp, BundleFiles.Header header, List<BundleItem> items, Progress progress, KeyPair village,
            PublicKeys district) {
        List<BundleItem.Doc> docs = items.stream().flatMap(i -> i.documents().stream()).toList();
        long docBytes = docs.stream().mapToLong(d -> d.document().copySize()).sum();
        Progress writing = progress.phase(0, 0.5);
        writing.total(docBytes);
        // the digests (first read of each copy) run one file ahead of the writing (second read)
        ExecutorService ahead = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "berkas-desa-digest");
            t.setDaemon(true);
            return t;
        });
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            SealedBundle.Writer sealed = district == null ? null : new SealedBundle.Writer(channel, header.id().toString(),
                    header.name(), header.created().toInstant().toEpochMilli(), village, district, device);
            OutputStream out = sealed == null
                    ? device.apply(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20))
                    : new BufferedOutputStream(sealed.payload(), 1 << 20);
            BagWriter bag = new BagWriter(out, header.name(), header.created().toInstant().toEpochMilli(), writing);
            // each copy is read (and decrypted) once: the digest thread keeps the bytes of a small copy for
            // the writer, at most AHEAD copies at a time; a large one is read again when it is written
            java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(AHEAD);
            List<Future<Read>> reads = new ArrayList<>();
            for (BundleItem.Doc d : docs) {
                reads.add(ahead.submit(() -> {
                    room.acquire();
                    if (d.document().copySize() <= KEEP_BYTES) {
                        byte[] bytes;
                        try (InputStream in = documents.openCopy(d.document())) {
                            bytes = in.readNBytes((int) KEEP_BYTES + 1);
                        }
                        return new Read(BagWriter.digest(new java.io.ByteArrayInputStream(bytes), progress), bytes);
                    }
                    try (InputStream in = documents.openCopy(d.document())) {
                        return new Read(BagWriter.digest(in, progress), null);
                    }
                }));
            }
            for (int i = 0; i < docs.size(); i++) {
                Read read = get(reads.get(i));
                reads.set(i, null); // its bytes go once written
                try (InputStream in = read.bytes() != null ? new java.io.ByteArrayInputStream(read.bytes())
                        : documents.openCopy(docs.get(i).document())) {
                    bag.payload(docs.get(i).path(), read.digest(), in);
                } finally {
                    room.release();
                }
            }
            BundleFiles files = new BundleFiles(messages, header, items);
            List<List<String>> rows = files.requestRows();
            bag.payload("usulan.csv", BundleFiles.csv(BundleFiles.REQUEST_COLUMNS, rows));
            bag.payload("usulan.xlsx", files.xlsx(rows));
            bag.payload("keluarga.csv", BundleFiles.csv(BundleFiles.HOUSEHOLD_COLUMNS, files.householdRows()));
            bag.payload("anggota.csv", BundleFiles.csv(BundleFiles.MEMBER_COLUMNS, files.memberRows()));
            bag.payload("surat-pengantar.pdf", files.coverLetter());
            bag.payload("paket.json", files.json(rows));
            bag.payload("BACA-SAYA.txt", files.readMe());
            VillageProfile v = header.village();
            BagInfo info = new BagInfo(v.namaKantor(), header.operator(), header.auditHead().bagInfo(), header.id().toString(),
                    "Usulan reaktivasi PBI-JK " + v.namaDesa() + " (" + items.size() + " usulan)", "Berkas Desa " + appVersion,
                    v.kodeDesa(), String.valueOf(items.size()), v.sample() ? SAMPLE_MARK : null,
                    sealed == null ? SealedBundle.MARK_PLAIN + " (berisi data pribadi tanpa enkripsi)" : null,
                    sealed == null ? null : village.publicKeys().fingerprint(), sealed == null ? null : district.fingerprint());
            bag.finish(info.labels(), header.created().toLocalDate());
            out.flush();
            byte[] contentKey = null;
            if (sealed != null) {
                contentKey = sealed.contentKey();
                sealed.finish();
            }
            channel.force(true);
            return new Written(bag.payloadBytes(), contentKey);
        } catch (MessageException e) {
            throw e; // cancelled, or a copy missing from the data folder: each says so itself
        } catch (IOException | RuntimeException e) {
            throw new BundleException("bundle.error.write", e, temp.getParent().toString(), megabytesNeeded(docBytes));
        } finally {
            ahead.shutdownNow(); // after a failure, the digests still queued are not needed (files only, no database)
        }
    }

    private static <T> T get(Future<T> f) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("bundle.cancelled");
        }
    }

    /** Renames the verified file to its final name, on the same stick, and makes the rename stick too. */
    private static void move(Path temp, Path target) {
        try {
            id.berkasdesa.common.AtomicFile.rename(temp, target, false);
        } catch (IOException e) {
            throw new BundleException("bundle.error.write", e, target.getParent().toString(), 0);
        }
    }

    private void record(UUID id, String name, OffsetDateTime now, List<BundleItem> items, int documentCount, long payload,
            long zipBytes) {
        db.unit("bundle.export", tx -> {
            BundleDao dao = tx.dao(BundleDao.class);
            dao.insert(id, name, now, items.size(), documentCount, payload, zipBytes);
            db.about("bundle", id, "requests", "documents");
            for (BundleItem item : items) {
                ReactivationRequest r = item.request();
                if (!requests.markSent(tx, r.id(), r.status(), name, now)) {
                    throw new BundleException("bundle.error.changedMeanwhile", item.member().nama());
                }
                dao.link(id, r.id(), item.resend());
            }
            return null;
        });
    }

    /** How many times a request went out in a bundle. */
    public int timesSent(UUID requestId) {
        return db.read(h -> h.attach(BundleDao.class).timesSent(requestId));
    }

    /** Whole megabytes, rounded up (the free space a stick needs). */
    static long megabytesNeeded(long bytes) {
        return Math.max(1, (bytes + (1 << 20) - 1) >> 20);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a removed stick: nothing is left to delete, or nothing can be
        }
    }
}
