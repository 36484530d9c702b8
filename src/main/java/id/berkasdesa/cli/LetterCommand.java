package id.berkasdesa.cli;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.surat.LetterException;
import id.berkasdesa.surat.LetterQr;
import id.berkasdesa.letter.LetterService;
import id.berkasdesa.surat.LetterType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code letter issue|list|cancel|verify}: the letters the village issues, as the window's Surat does. */
@Command(name = "letter", description = "Surat desa: terbitkan (SKTM, keterangan, pengantar), daftar, batalkan, periksa keaslian.",
        subcommands = {LetterCommand.Issue.class, LetterCommand.ListLetters.class, LetterCommand.Cancel.class,
                LetterCommand.Verify.class})
final class LetterCommand {

    @ParentCommand
    BerkasDesaCommand parent;

    private static Map<String, Object> line(LetterService.Letter l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("number", l.number());
        out.put("id", l.id().toString());
        out.put("type", l.type().cli());
        out.put("issued", l.issuedOn().toString());
        out.put("validUntil", l.validUntil() == null ? null : l.validUntil().toString());
        out.put("name", l.subjectName());
        out.put("purpose", l.purpose());
        out.put("status", l.status());
        out.put("cancelReason", l.cancelReason());
        out.put("sha256", l.pdfSha256());
        return out;
    }

    @Command(name = "issue", description = "Terbitkan surat untuk penduduk dengan NIK itu: bernomor, bertanda tangan (QR), diarsipkan; "
            + "SKTM juga menjadi dokumen SKTM orang itu.")
    static final class Issue implements Callable<Integer> {
        @ParentCommand
        LetterCommand group;

        @Option(names = "--type", required = true, paramLabel = "sktm|sktm-keluarga|keterangan|pengantar")
        String type;

        @Option(names = "--nik", required = true, paramLabel = "NIK")
        String nik;

        @Option(names = "--purpose", paramLabel = "TEXT", description = "Keperluan (bawaan: Reaktivasi PBI-JK).")
        String purpose;

        @Option(names = "--to", paramLabel = "FILE.pdf", description = "Simpan PDF-nya juga ke file ini (berisi data pribadi).")
        Path to;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            Optional<LetterType> t = LetterType.parse(type);
            if (t.isEmpty()) {
                return Json.fail(2, "cli.letter.type", messages.get("cli.letter.type", type));
            }
            return StoreCommand.run(group.parent, w -> {
                try {
                    var person = w.households().personByNik(nik)
                            .orElseThrow(() -> new LetterException("letter.error.unknownPerson"));
                    LetterService.Issued i = w.letters().issue(w.letters().draft(t.get(), person.householdId(), person.memberId(),
                            purpose == null ? messages.get("letter.purpose.default") : purpose));
                    if (to != null) {
                        id.berkasdesa.common.AtomicFile.write(to, out -> out.write(i.pdf()));
                        System.err.println(messages.get("cli.clearWarning", to.toString()));
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("number", i.number());
                    out.put("id", i.id().toString());
                    out.put("file", to == null ? null : to.toString());
                    out.put("sha256", i.sha256());
                    out.put("validUntil", i.validUntil() == null ? null : i.validUntil().toString());
                    System.out.println(Json.line(out));
                    return 0;
                } catch (MessageException e) {
                    return Json.fail(1, e.key(), e.message(messages));
                } catch (IOException e) {
                    return Json.fail(1, "cli.letter.write", messages.get("cli.letter.write", String.valueOf(to)));
                }
            });
        }
    }

    @Command(name = "list", description = "Daftar surat yang diterbitkan (satu baris JSON per surat, terbaru dulu).")
    static final class ListLetters implements Callable<Integer> {
        @ParentCommand
        LetterCommand group;

        @Option(names = "--year", paramLabel = "Y")
        Integer year;

        @Option(names = "--type", paramLabel = "T")
        String type;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            LetterType t = type == null ? null : LetterType.parse(type).orElse(null);
            if (type != null && t == null) {
                return Json.fail(2, "cli.letter.type", messages.get("cli.letter.type", type));
            }
            return StoreCommand.run(group.parent, w -> {
                w.letters().list(year, t).forEach(l -> System.out.println(Json.line(line(l))));
                return 0;
            });
        }
    }

    @Command(name = "cancel", description = "Batalkan surat: nomornya tetap tercatat (Batal, dengan alasannya) dan tidak dipakai lagi.")
    static final class Cancel implements Callable<Integer> {
        @ParentCommand
        LetterCommand group;

        @Parameters(index = "0", paramLabel = "NUMBER")
        String number;

        @Option(names = "--reason", required = true, paramLabel = "TEXT")
        String reason;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            return StoreCommand.run(group.parent, w -> {
                try {
                    System.out.println(Json.line(line(w.letters().cancel(number, reason))));
                    return 0;
                } catch (MessageException e) {
                    return Json.fail(1, e.key(), e.message(messages));
                }
            });
        }
    }

    @Command(name = "verify", description = "Periksa keaslian surat dari PDF-nya atau dari teks kode QR-nya; tanpa folder data pun bisa. "
            + "Dengan --data-dir juga diperiksa apakah data ini menerbitkannya dan belum membatalkannya. Keluar 0 bila asli.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        LetterCommand group;

        @ArgGroup(multiplicity = "1")
        Source source;

        static final class Source {
            @Parameters(index = "0", paramLabel = "FILE.pdf")
            Path file;

            @Option(names = "--qr", paramLabel = "TEXT")
            String qr;
        }

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            LetterQr qr;
            if (source.file != null) {
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(source.file);
                } catch (IOException e) {
                    return Json.fail(2, "cli.letter.read", messages.get("cli.letter.read", source.file.toString()));
                }
                Optional<LetterQr> read = LetterService.readPdf(bytes);
                if (read.isEmpty()) {
                    return Json.fail(1, "letter.error.notLetter", messages.get("letter.error.notLetter", source.file.getFileName()));
                }
                qr = read.get();
            } else {
                Optional<LetterQr> parsed = LetterQr.parse(source.qr);
                if (parsed.isEmpty()) {
                    return Json.fail(1, "letter.error.qr", messages.get("letter.error.qr"));
                }
                qr = parsed.get();
            }
            if (group.parent.dataDir == null) {
                return print(LetterService.checkAlone(qr, LocalDate.now()), messages);
            }
            int[] exit = {1};
            int run = StoreCommand.run(group.parent, w -> {
                exit[0] = print(w.letters().check(qr), messages);
                return 0;
            });
            return run != 0 ? run : exit[0];
        }

        private static int print(LetterService.Check c, Messages messages) {
            LetterQr q = c.qr();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("valid", c.valid());
            out.put("number", q.number());
            out.put("type", q.type().cli());
            out.put("issued", q.issued().toString());
            out.put("validUntil", q.validUntil() == null ? null : q.validUntil().toString());
            out.put("village", q.village());
            out.put("initials", q.initials());
            out.put("signer", q.signer());
            out.put("reason", messages.get(c.reason(), q.signer(), q.village(),
                    q.validUntil() == null ? "-" : id.berkasdesa.common.DateText.format(q.validUntil())));
            System.out.println(Json.line(out));
            return c.valid() ? 0 : 1;
        }
    }
}
