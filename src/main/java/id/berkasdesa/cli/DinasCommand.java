package id.berkasdesa.cli;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import id.berkasdesa.dinas.Check;
import id.berkasdesa.dinas.DecisionService;
import id.berkasdesa.dinas.DinasService;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.wiring.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dinas …}: the Dinas Sosial's side on a district store. JSON lines on standard output; exit 0
 * done, 1 refused with the reason, 2 usage or a store that cannot be opened, 3 not signed in or not allowed.
 */
@Command(name = "dinas", description = "Sisi Dinas Sosial: buat data kantor, kunci desa, kotak masuk paket desa, daftar usulan.",
        subcommands = {DinasCommand.Init.class, DinasCommand.PublicKey.class, DinasCommand.VillageKey.class,
                DinasCommand.Inbox.class, DinasCommand.Requests.class, DinasCommand.Decide.class, DinasCommand.Withdraw.class,
                DinasCommand.Endorse.class, DinasCommand.Reasons.class, DinasCommand.Answer.class, DinasCommand.Duplicates.class,
                DinasCommand.DuplicateResolve.class, DinasCommand.Recap.class, DinasCommand.Ledger.class, DinasCommand.Letters.class,
                DinasCommand.Settings.class})
final class DinasCommand {

    @ParentCommand
    BerkasDesaCommand parent;

    /** A refusal's exit: 3 when the role may not do it, 1 for what the rules refuse. */
    private static int refused(MessageException e, Messages m) {
        return Json.fail(e instanceof id.berkasdesa.db.AccessException ? StoreCommand.NOT_SIGNED_IN : 1, e.key(), e.message(m));
    }

    @Command(name = "init", description = "Buat data Dinas Sosial baru: kabupaten/kota, nama kantor, Administrator pertama "
            + "(kata sandi dari BERKAS_DESA_PASSWORD atau ditanyakan), dan pasangan kunci kantor di dalam data.")
    static final class Init implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Option(names = "--kabupaten", required = true, paramLabel = "KODE", description = "Kode kabupaten/kota, mis. 32.01")
        String kabupaten;

        @Option(names = "--office", required = true, paramLabel = "NAMA", description = "Nama kantor, mis. \"Dinas Sosial Kabupaten Bogor\"")
        String office;

        @Option(names = "--admin", required = true, paramLabel = "NAMA", description = "Nama Administrator pertama")
        String admin;

        @Option(names = "--key", paramLabel = "FILE.kunci-rahasia",
                description = "Kunci kantor yang sudah dibuat dengan district-key new (frasa sandi dari BERKAS_DESA_KEY_PASSWORD)")
        Path key;

        @Override
        public Integer call() {
            BerkasDesaCommand parent = group.parent;
            Messages messages = Messages.indonesian();
            if (Database.exists(parent.dataDir())) {
                return Json.fail(1, "cli.dinas.init.exists", messages.get("cli.dinas.init.exists", parent.dataDir().toString()));
            }
            KeyPair given = null;
            if (key != null) {
                given = VerifyCommand.privateKey(parent, key, messages);
                if (given == null) {
                    return 3;
                }
            }
            char[] password = StoreCommand.newPassword(parent, "BERKAS_DESA_PASSWORD", messages);
            if (password == null) {
                return Json.fail(StoreCommand.NOT_SIGNED_IN, "cli.password.none", messages.get("cli.password.none"));
            }
            try (StoreCommand.NewStore fresh = new StoreCommand.NewStore(parent.dataDir());
                    Wiring w = Wiring.open(parent.dataDir(), Clock.systemDefaultZone())) {
                DinasService.Office o = w.dinas().setUp(kabupaten, office);
                if (given != null && !given.publicKeys().code().equals(o.kabupaten())) {
                    return Json.fail(1, "dinas.error.kabupaten", messages.get("dinas.error.kabupaten", given.publicKeys().code()));
                }
                KeyPair keys = w.officeKeys(given);
                String recovery = w.accounts().createFirstAdministrator(admin, password);
                fresh.complete();
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("kabupaten", o.kabupaten());
                out.put("kabupatenName", o.kabupatenName());
                out.put("office", o.officeName());
                out.put("fingerprint", keys.publicKeys().fingerprint());
                out.put("admin", w.session().operator());
                out.put("recoveryCode", recovery);
                System.out.println(Json.line(out));
                System.err.println(messages.get("cli.init.keepCode"));
                return 0;
            } catch (MessageException e) {
                return refused(e, messages);
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "public-key", description = "Tulis <kode>.kunci-publik kantor ini untuk desa, dan tampilkan sidik jarinya.")
    static final class PublicKey implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Option(names = "--to", required = true, paramLabel = "FOLDER")
        Path folder;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            return onDinas(group.parent, w -> {
                KeyPair keys = w.dinas().keys();
                Path pub;
                try {
                    pub = w.dinas().writePublicKey(folder);
                } catch (IOException e) {
                    return Json.fail(1, "keys.error.write", messages.get("keys.error.write", folder.toString()));
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("public", pub.toString());
                out.put("fingerprint", keys.publicKeys().fingerprint());
                System.out.println(Json.line(out));
                return 0;
            });
        }
    }

    @Command(name = "village-key", description = "Kunci desa yang dipercaya: list, pin (dari sidik jari lewat surat/telepon), "
            + "confirm (sidik jari paket pertama sudah dicocokkan), replace (desa mengganti kunci, dengan alasan).")
    static final class VillageKey implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Parameters(index = "0", paramLabel = "list|pin|confirm|replace")
        String action;

        @Option(names = "--village", paramLabel = "KODE")
        String village;

        @Option(names = "--fingerprint", paramLabel = "SIDIK-JARI")
        String fingerprint;

        @Option(names = "--reason", paramLabel = "ALASAN")
        String reason;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            if (!List.of("list", "pin", "confirm", "replace").contains(action)
                    || !action.equals("list") && village == null || action.equals("pin") && fingerprint == null
                    || action.equals("replace") && reason == null) {
                return Json.fail(2, "cli.dinas.usageVillageKey", messages.get("cli.dinas.usageVillageKey"));
            }
            return onDinas(group.parent, w -> {
                DinasService d = w.dinas();
                List<DinasService.VillageKey> shown = switch (action) {
                    case "pin" -> List.of(d.pin(village, fingerprint));
                    case "confirm" -> List.of(d.confirm(village));
                    case "replace" -> List.of(d.replace(village, reason));
                    default -> d.villageKeys();
                };
                for (DinasService.VillageKey k : shown) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("village", k.kodeDesa());
                    out.put("name", k.villageName());
                    out.put("fingerprint", k.fingerprint().isEmpty() ? null : k.fingerprint());
                    out.put("confirmed", k.confirmed());
                    out.put("pinnedBy", k.pinnedBy());
                    out.put("replaceReason", k.replaceReason());
                    out.put("conflict", k.conflictFingerprint()); // a bundle signed by another key was refused
                    out.put("conflictFile", k.conflictFile());
                    System.out.println(Json.line(out));
                }
                return 0;
            });
        }
    }

    @Command(name = "inbox", description = "Impor paket desa (berkas, atau semua .zip di folder/flashdisk): masing-masing "
            + "diperiksa utuh, dibuka dengan kunci kantor, dan disimpan; atau ditolak dengan alasannya.")
    static final class Inbox implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Parameters(arity = "1..*", paramLabel = "FOLDER|FILE")
        List<Path> paths;

        @Override
        public Integer call() {
            id.berkasdesa.keys.CipherWarmUp.start(); // every bundle decrypted at full speed from the first megabyte, beside the sign-in
            Messages messages = Messages.indonesian();
            List<Path> files = new ArrayList<>();
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    try {
                        files.addAll(DinasService.bundlesIn(p));
                    } catch (IOException e) {
                        return Json.fail(1, "cli.dinas.notFolder", messages.get("cli.dinas.notFolder", p.toString()));
                    }
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                } else {
                    return Json.fail(1, "cli.dinas.notFolder", messages.get("cli.dinas.notFolder", p.toString()));
                }
            }
            return onDinas(group.parent, w -> {
                Map<DinasService.Outcome, Integer> counts = new EnumMap<>(DinasService.Outcome.class);
                for (Path f : files) {
                    DinasService.InboxResult r = w.dinas().receive(f, Progress.none());
                    counts.merge(r.outcome(), 1, Integer::sum);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("file", f.toString());
                    out.put("result", r.outcome().code());
                    out.put("village", r.village());
                    out.put("requests", r.requests());
                    out.put("reason", r.reason(messages));
                    System.out.println(Json.line(out));
                }
                Map<String, Object> total = new LinkedHashMap<>();
                for (DinasService.Outcome o : DinasService.Outcome.values()) {
                    total.put(o.code(), counts.getOrDefault(o, 0));
                }
                System.out.println(Json.line(total));
                return counts.getOrDefault(DinasService.Outcome.REFUSED, 0) + counts.getOrDefault(DinasService.Outcome.CONFLICT, 0)
                        == 0 ? 0 : 1;
            });
        }
    }

    @Command(name = "requests", description = "Daftar usulan yang diterima (versi terakhir), dengan hasil pemeriksaannya.")
    static final class Requests implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Option(names = "--status", paramLabel = "S")
        String status;

        @Option(names = "--village", paramLabel = "KODE")
        String village;

        @Option(names = "--check", paramLabel = "KODE-PERIKSA", description = "nik, wilayah, batas-waktu, surat-faskes, "
                + "mendesak, ganda, kunci-baru, rekam-jejak-mundur")
        String check;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            Check c = null;
            if (check != null) {
                c = Check.of(check).orElse(null);
                if (c == null) {
                    return Json.fail(2, "cli.dinas.usageCheck", messages.get("cli.dinas.usageCheck", check));
                }
            }
            Check filter = c;
            return onDinas(group.parent, w -> {
                for (DinasService.ReceivedRequest r : w.dinas().requests(status, village, filter)) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", r.id());
                    out.put("village", r.kodeDesa());
                    out.put("nik", r.nik());
                    out.put("status", r.status());
                    out.put("checks", r.checks().stream().map(Check::code).toList());
                    out.put("version", r.version());
                    out.put("decision", r.decision());
                    out.put("reason", r.reasonCode());
                    out.put("decidedBy", r.decidedBy());
                    out.put("endorsedBy", r.endorsedBy());
                    System.out.println(Json.line(out));
                }
                return 0;
            });
        }
    }

    /**
     * Runs {@code work} signed in on a Dinas Sosial's store: on a village's store, a refusal of the
     * rules (exit 1) or of the role (exit 3), the exit and its message.
     */
    private static int onDinas(BerkasDesaCommand parent, StoreCommand.Work work) {
        Messages messages = Messages.indonesian();
        return StoreCommand.run(parent, w -> {
            if (w.dinas().office().isEmpty()) {
                return Json.fail(1, "dinas.error.notDinas", messages.get("dinas.error.notDinas"));
            }
            try {
                return work.run(w);
            } catch (MessageException e) {
                return refused(e, messages);
            }
        });
    }

    @Command(name = "decide", description = "Verifikator: usulkan keputusan untuk satu atau beberapa usulan (semua atau tidak "
            + "sama sekali): disetujui, ditolak, perlu-perbaikan, dengan kode alasan dari \"dinas reasons\".")
    static final class Decide implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Parameters(arity = "1..*", paramLabel = "ID")
        List<String> ids;

        @Option(names = "--decision", required = true, paramLabel = "disetujui|ditolak|perlu-perbaikan")
        String decision;

        @Option(names = "--reason", required = true, paramLabel = "KODE")
        String reason;

        @Option(names = "--note", paramLabel = "TEKS")
        String note;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            DecisionService.Decision d = DecisionService.Decision.of(decision).orElse(null);
            if (d == null) {
                return Json.fail(2, "cli.dinas.usageDecision", messages.get("cli.dinas.usageDecision", decision));
            }
            return onDinas(group.parent, w -> {
                int n = w.decisions().decide(ids, d, reason, note);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("decided", n);
                out.put("decision", d.code());
                out.put("reason", reason);
                System.out.println(Json.line(out));
                return 0;
            });
        }
    }

    @Command(name = "withdraw", description = "Verifikator: tarik kembali keputusan Anda sendiri yang belum disahkan.")
    static final class Withdraw implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            return onDinas(group.parent, w -> {
                w.decisions().withdraw(id);
                System.out.println(Json.line(Map.of("withdrawn", id)));
                return 0;
            });
        }
    }

    @Command(name = "endorse", description = "Pengesah: sahkan keputusan (semua atau tidak sama sekali); setelah itu terkunci.")
    static final class Endorse implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Parameters(arity = "0..*", paramLabel = "ID")
        List<String> ids;

        @Option(names = "--all-decided", description = "Semua keputusan yang belum disahkan.")
        boolean all;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            if (all == (ids != null && !ids.isEmpty())) {
                return Json.fail(2, "cli.dinas.usageEndorse", messages.get("cli.dinas.usageEndorse"));
            }
            return onDinas(group.parent, w -> {
                int n = w.decisions().endorse(all ? w.decisions().proposed() : ids);
                System.out.println(Json.line(Map.of("endorsed", n)));
                return 0;
            });
        }
    }

    @Command(name = "reasons", description = "Daftar alasan keputusan: kode dan teksnya (bawaan dan tambahan kantor).")
    static final class Reasons implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            return onDinas(group.parent, w -> {
                java.util.function.Function<String, String> words = w.decisions().words(messages);
                for (DecisionService.Reason r : w.decisions().reasons()) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("code", r.code());
                    out.put("text", words.apply(r.code()));
                    out.put("builtIn", r.builtIn());
                    System.out.println(Json.line(out));
                }
                return 0;
            });
        }
    }

    @Command(name = "answer", description = "Kirim balasan: berkas balasan bertanda tangan dan terenkripsi untuk desa, berisi "
            + "setiap keputusan yang sudah disahkan dan belum dibalas (--again: semuanya lagi, dengan sengaja).")
    static final class Answer implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Option(names = "--village", paramLabel = "KODE")
        String village;

        @Option(names = "--all", description = "Semua desa.")
        boolean all;

        @Option(names = "--to", required = true, paramLabel = "FOLDER")
        Path folder;

        @Option(names = "--again", description = "Buat lagi balasan yang sudah pernah dibuat (mis. berkasnya hilang).")
        boolean again;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            if (all == (village != null)) {
                return Json.fail(2, "cli.dinas.usageAnswer", messages.get("cli.dinas.usageAnswer"));
            }
            return onDinas(group.parent, w -> {
                List<id.berkasdesa.dinas.AnswerService.Made> made = w.answers().write(village, folder, again,
                        w.decisions().words(messages));
                for (id.berkasdesa.dinas.AnswerService.Made m : made) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("village", m.village());
                    out.put("file", m.file() == null ? null : m.file().toString());
                    out.put("decisions", m.decisions());
                    if (m.reasonKey() != null) {
                        out.put("reason", messages.get(m.reasonKey(), m.village()));
                    }
                    System.out.println(Json.line(out));
                }
                System.out.println(Json.line(Map.of("files", made.stream().filter(m -> m.file() != null).count())));
                return 0;
            });
        }
    }

    @Command(name = "duplicates", description = "Antrean ganda: setiap NIK yang ada di lebih dari satu usulan terbuka.")
    static final class Duplicates implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Override
        public Integer call() {
            return onDinas(group.parent, w -> {
                for (DecisionService.Duplicate d : w.decisions().duplicates()) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("nik", d.nik());
                    out.put("requests", d.requests());
                    out.put("villages", d.villages());
                    out.put("state", d.state());
                    System.out.println(Json.line(out));
                }
                return 0;
            });
        }
    }

    @Command(name = "duplicate", description = "Selesaikan satu NIK ganda: resolve NIK --keep ID (yang lain diusulkan Ditolak, "
            + "alasan ganda) atau resolve NIK --not-duplicate --reason TEKS.")
    static final class DuplicateResolve implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Parameters(index = "0", paramLabel = "resolve")
        String action;

        @Parameters(index = "1", paramLabel = "NIK")
        String nik;

        @Option(names = "--keep", paramLabel = "ID")
        String keep;

        @Option(names = "--not-duplicate")
        boolean notDuplicate;

        @Option(names = "--reason", paramLabel = "TEKS")
        String reason;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            if (!"resolve".equals(action) || notDuplicate == (keep != null) || notDuplicate && reason == null) {
                return Json.fail(2, "cli.dinas.usageDuplicate", messages.get("cli.dinas.usageDuplicate"));
            }
            return onDinas(group.parent, w -> {
                if (notDuplicate) {
                    w.decisions().notDuplicate(nik, reason);
                } else {
                    w.decisions().merge(nik, keep, village -> messages.get("dinas.duplicate.mergedNote", village));
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("nik", nik);
                out.put("state", notDuplicate ? DecisionService.NOT_DUPLICATE : DecisionService.MERGED);
                System.out.println(Json.line(out));
                return 0;
            });
        }
    }

    @Command(name = "settings", description = "Pengaturan kantor: SKTM wajib (pemeriksaan sktm), batas waktu dari penonaktifan "
            + "sampai diterima (bulan, bawaan 6), terima paket tanpa enkripsi (ditandai tanpa-tanda-tangan), kolom lampiran "
            + "rekomendasi kolektif (kode dipisah koma, berurutan). Tanpa pilihan: tampilkan.")
    static final class Settings implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Option(names = "--require-sktm", paramLabel = "true|false")
        String requireSktm;

        @Option(names = "--window-months", paramLabel = "N")
        Integer windowMonths;

        @Option(names = "--allow-plain", paramLabel = "true|false")
        String allowPlain;

        @Option(names = "--annex-columns", paramLabel = "KODE,KODE…", split = ",")
        List<String> annexColumns;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            for (String flag : java.util.Arrays.asList(requireSktm, allowPlain)) {
                if (flag != null && !flag.equals("true") && !flag.equals("false")) {
                    return Json.fail(2, "cli.dinas.usageSettings", messages.get("cli.dinas.usageSettings"));
                }
            }
            return onDinas(group.parent, w -> {
                DinasService.Settings now = w.dinas().settings();
                if (requireSktm != null || windowMonths != null || allowPlain != null || annexColumns != null) {
                    now = w.dinas().saveSettings(new DinasService.Settings(
                            requireSktm == null ? now.requireSktm() : Boolean.parseBoolean(requireSktm),
                            windowMonths == null ? now.windowMonths() : windowMonths,
                            allowPlain == null ? now.allowPlain() : Boolean.parseBoolean(allowPlain),
                            annexColumns == null ? now.annexColumns() : annexColumns.stream().map(String::strip).toList()));
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("requireSktm", now.requireSktm());
                out.put("windowMonths", now.windowMonths());
                out.put("allowPlain", now.allowPlain());
                out.put("annexColumns", now.annexColumns());
                System.out.println(Json.line(out));
                return 0;
            });
        }
    }

    @Command(name = "letters", description = "Surat keterangan pengaktifan kembali untuk setiap keputusan Disetujui yang sudah "
            + "disahkan dan belum bersurat (PDF, bernomor, QR bertanda tangan kunci kantor); --collective: rekomendasi kolektif "
            + "(surat dan lampiran xlsx) untuk semua surat yang belum masuk rekomendasi.")
    static final class Letters implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Option(names = "--to", required = true, paramLabel = "FOLDER")
        Path folder;

        @Option(names = "--collective")
        boolean collective;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            return onDinas(group.parent, w -> {
                try {
                    for (var l : w.reactivationLetters().issue(folder, messages)) {
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("number", l.number());
                        out.put("request", l.requestId());
                        out.put("file", l.file().toString());
                        System.out.println(Json.line(out));
                    }
                    if (collective) {
                        var c = w.reactivationLetters().collective(folder, messages);
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("collective", c.map(x -> x.number()).orElse(null));
                        out.put("letter", c.map(x -> x.letter().toString()).orElse(null));
                        out.put("annex", c.map(x -> x.annex().toString()).orElse(null));
                        out.put("people", c.map(x -> x.people()).orElse(0));
                        System.out.println(Json.line(out));
                    }
                } catch (IOException e) {
                    return Json.fail(1, "export.error.write", messages.get("export.error.write", folder.toString()));
                }
                return 0;
            });
        }
    }

    @Command(name = "ledger", description = "import FILE.xlsx|FILE.csv: daftar orang yang pernah diaktifkan kembali (kolom NIK "
            + "dicari dari judulnya), untuk pemeriksaan pernah-reaktivasi.")
    static final class Ledger implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Parameters(index = "0", paramLabel = "import")
        String action;

        @Parameters(index = "1", paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            if (!"import".equals(action)) {
                return Json.fail(2, "cli.dinas.usageLedger", messages.get("cli.dinas.usageLedger"));
            }
            return onDinas(group.parent, w -> {
                List<List<String>> rows = new ArrayList<>();
                // the first sheet, each row's cells as text, in file order (the rows read stay numbered as the file numbers them)
                id.berkasdesa.imports.TableFile.read(file, sheets -> sheets.subList(0, Math.min(1, sheets.size())), r -> {
                    while (rows.size() < r.row() - 1) {
                        rows.add(List.of());
                    }
                    rows.add(r.cells().stream().map(id.berkasdesa.imports.Cell::stripped).toList());
                    return true;
                });
                DinasService.LedgerImport done = w.dinas().importLedger(id.berkasdesa.imports.TableFile.name(file), rows);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("added", done.added());
                out.put("already", done.already());
                out.put("invalidRows", done.invalidRows());
                System.out.println(Json.line(out));
                return 0;
            });
        }
    }

    @Command(name = "recap", description = "Rekap bulanan per desa: diterima, diputuskan menurut hasil, median hari sampai "
            + "disahkan, usulan mendesak dan median jamnya. FILE.xlsx atau FILE.pdf.")
    static final class Recap implements Callable<Integer> {
        @ParentCommand
        DinasCommand group;

        @Option(names = "--month", required = true, paramLabel = "YYYY-MM")
        String month;

        @Option(names = "--to", required = true, paramLabel = "FILE.xlsx|FILE.pdf")
        Path file;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            java.time.YearMonth ym;
            try {
                ym = java.time.YearMonth.parse(month.strip());
            } catch (java.time.format.DateTimeParseException e) {
                return Json.fail(2, "cli.dinas.usageMonth", messages.get("cli.dinas.usageMonth", month));
            }
            return onDinas(group.parent, w -> {
                try {
                    w.recaps().write(ym, file, messages, w.dinas().office().orElseThrow().officeName());
                } catch (IOException e) {
                    return Json.fail(1, "export.error.write", messages.get("export.error.write", file.toString()));
                }
                List<id.berkasdesa.dinas.RecapService.Row> rows = w.recaps().month(ym);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("file", file.toString());
                out.put("villages", rows.size());
                out.put("received", rows.stream().mapToInt(id.berkasdesa.dinas.RecapService.Row::received).sum());
                System.out.println(Json.line(out));
                return 0;
            });
        }
    }
}
