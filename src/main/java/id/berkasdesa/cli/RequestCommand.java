package id.berkasdesa.cli;

import id.berkasdesa.common.DateText;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.request.CheckChannel;
import id.berkasdesa.request.ReactivationRequest;
import id.berkasdesa.request.RequestForm;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.request.Route;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * A village's request and its documents from the command line, so that a village's work can be
 * scripted and tested end to end: {@code request new} and {@code document attach}, each one unit of
 * work as in the window, JSON lines on stdout.
 */
final class RequestCommand {

    private RequestCommand() {
    }

    /** The command line's spelling of an urgent category: gagal-ginjal … icu. */
    static Optional<Diagnosis> diagnosis(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        return java.util.Arrays.stream(Diagnosis.values()).filter(d -> d != Diagnosis.LAINNYA && d.name().equals(name)).findFirst();
    }

    private static Optional<CheckChannel> channel(String text) {
        return Optional.ofNullable(switch (text == null ? "" : text.strip().toLowerCase(Locale.ROOT)) {
            case "mobile-jkn" -> CheckChannel.MOBILE_JKN;
            case "pandawa" -> CheckChannel.PANDAWA;
            case "165" -> CheckChannel.CARE_CENTER_165;
            case "chika" -> CheckChannel.CHIKA;
            case "faskes" -> CheckChannel.FASKES;
            default -> null;
        });
    }

    private static int person(String nik, Messages messages) {
        return Json.fail(1, "cli.request.unknownPerson", messages.get("cli.request.unknownPerson", nik));
    }

    @Command(name = "request", description = "Usulan reaktivasi: new (usulan baru untuk penduduk dengan NIK itu).",
            subcommands = RequestCommand.New.class)
    static final class Group {
        @ParentCommand
        BerkasDesaCommand parent;
    }

    @Command(name = "new", description = "Usulan baru untuk penduduk dengan NIK itu: draf, atau Siap kirim bila semua aturan terpenuhi. "
            + "Mencetak {\"id\",\"status\",\"findings\"}.")
    static final class New implements Callable<Integer> {
        @ParentCommand
        Group group;

        @Option(names = "--nik", required = true, paramLabel = "NIK")
        String nik;

        @Option(names = "--deleted-on", paramLabel = "DD-MM-YYYY", description = "Tanggal penetapan penonaktifan.")
        String deletedOn;

        @Option(names = "--checked-on", paramLabel = "DD-MM-YYYY", description = "Tanggal status nonaktif dicek.")
        String checkedOn;

        @Option(names = "--channel", paramLabel = "mobile-jkn|pandawa|165|chika|faskes")
        String channel;

        @Option(names = "--card", paramLabel = "NO", description = "Nomor kartu KIS (13 angka).")
        String card;

        @Option(names = "--urgent", paramLabel = "KATEGORI",
                description = "gagal-ginjal|kanker|jantung|hemofilia|stroke|thalassemia|sirosis-hati|igd|dalam-tindakan|icu")
        String urgent;

        @Option(names = "--route", paramLabel = "desa|dinas", defaultValue = "desa")
        String route;

        @Option(names = "--reason", paramLabel = "TEKS")
        String reason;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            Optional<LocalDate> deleted = deletedOn == null ? Optional.empty() : DateText.parse(deletedOn);
            Optional<LocalDate> checked = checkedOn == null ? Optional.empty() : DateText.parse(checkedOn);
            if (deletedOn != null && deleted.isEmpty() || checkedOn != null && checked.isEmpty()) {
                return Json.fail(2, "cli.request.date", messages.get("cli.request.date", deletedOn != null && deleted.isEmpty()
                        ? deletedOn : checkedOn));
            }
            Optional<CheckChannel> via = channel(channel);
            Optional<Diagnosis> category = diagnosis(urgent);
            if (channel != null && via.isEmpty() || urgent != null && category.isEmpty()
                    || !route.equals("desa") && !route.equals("dinas")) {
                return Json.fail(2, "cli.request.usage", messages.get("cli.request.usage"));
            }
            RequestForm form = new RequestForm(checked.orElse(null), via.orElse(null), card, deleted.orElse(null),
                    route.equals("dinas") ? Route.DINSOS : Route.DESA, reason, category.orElse(null), null, null);
            return StoreCommand.run(group.parent, w -> {
                Optional<HouseholdService.Person> p = w.households().personByNik(nik);
                if (p.isEmpty()) {
                    return person(nik, messages);
                }
                try {
                    ReactivationRequest r = w.requests().create(p.get().householdId(), p.get().memberId(), form);
                    RequestService.Opened o = w.requests().open(r.id()).orElseThrow();
                    List<Map<String, Object>> findings = new ArrayList<>();
                    o.evaluation().checks().forEach(c -> {
                        Map<String, Object> f = new LinkedHashMap<>();
                        f.put("rule", c.rule().name().toLowerCase(Locale.ROOT));
                        f.put("severity", c.finding().severity().name().toLowerCase(Locale.ROOT));
                        f.put("message", messages.get(c.finding().key(), c.finding().args().toArray()));
                        findings.add(f);
                    });
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", r.id().toString());
                    out.put("status", r.status().name().toLowerCase(Locale.ROOT));
                    out.put("urgent", r.urgent());
                    out.put("deadline", r.deadline() == null ? null : r.deadline().toString());
                    out.put("findings", findings);
                    System.out.println(Json.line(out));
                    return 0;
                } catch (MessageException e) {
                    return Json.fail(1, e.key(), e.message(messages));
                }
            });
        }
    }

    @Command(name = "document", description = "Dokumen penduduk: attach (lampirkan pindaian atau foto).",
            subcommands = RequestCommand.Attach.class)
    static final class Documents {
        @ParentCommand
        BerkasDesaCommand parent;
    }

    @Command(name = "attach", description = "Lampirkan pindaian/foto (JPG, PNG, PDF) ke penduduk dengan NIK itu, disegel di data. "
            + "Mencetak {\"id\",\"kind\",\"pages\"}.")
    static final class Attach implements Callable<Integer> {
        @ParentCommand
        Documents group;

        @Option(names = "--nik", required = true, paramLabel = "NIK")
        String nik;

        @Option(names = "--kind", required = true, paramLabel = "ktp|kk|sktm|faskes|lainnya")
        String kind;

        @Option(names = "--diagnosis", paramLabel = "KATEGORI", description = "Untuk surat faskes: kategori mendesak, bila ada.")
        String diagnosis;

        @Option(names = "--date", paramLabel = "DD-MM-YYYY", description = "Tanggal surat (bawaan: hari ini).")
        String date;

        @Option(names = "--faskes", paramLabel = "NAMA", description = "Nama faskes yang menerbitkan surat.")
        String faskes;

        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            Optional<DocumentKind> k = switch (kind.strip().toLowerCase(Locale.ROOT)) {
                case "ktp" -> Optional.of(DocumentKind.KTP);
                case "kk" -> Optional.of(DocumentKind.KK);
                case "sktm" -> Optional.of(DocumentKind.SKTM);
                case "faskes" -> Optional.of(DocumentKind.FASKES);
                case "lainnya" -> Optional.of(DocumentKind.LAINNYA);
                default -> Optional.empty();
            };
            Optional<Diagnosis> d = diagnosis(diagnosis);
            Optional<LocalDate> on = date == null ? Optional.empty() : DateText.parse(date);
            if (k.isEmpty() || diagnosis != null && d.isEmpty() || date != null && on.isEmpty()) {
                return Json.fail(2, "cli.document.usage", messages.get("cli.document.usage"));
            }
            return StoreCommand.run(group.parent, w -> {
                Optional<HouseholdService.Person> p = w.households().personByNik(nik);
                if (p.isEmpty()) {
                    return person(nik, messages);
                }
                boolean household = k.get() == DocumentKind.KK;
                DocumentService.Attach a = new DocumentService.Attach(p.get().householdId(), household ? null : p.get().memberId(),
                        k.get(), null, on.orElse(w.documents().today()), faskes, d.orElse(null));
                try {
                    Optional<? extends MessageException> problem = w.documents().problem(a);
                    if (problem.isEmpty()) {
                        problem = w.documents().checkFiles(files);
                    }
                    if (problem.isPresent()) {
                        return Json.fail(1, problem.get().key(), problem.get().message(messages));
                    }
                    var doc = w.documents().attach(a, files);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("id", doc.id().toString());
                    out.put("kind", kind.strip().toLowerCase(Locale.ROOT));
                    out.put("files", files.size());
                    out.put("pages", doc.copyPages());
                    System.out.println(Json.line(out));
                    return 0;
                } catch (MessageException e) {
                    return Json.fail(1, e.key(), e.message(messages));
                }
            });
        }
    }
}
