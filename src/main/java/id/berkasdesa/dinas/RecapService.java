package id.berkasdesa.dinas;

import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.pdf.PdfLayout;
import id.berkasdesa.db.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The monthly recap per village: requests received that month, decided by outcome (endorsed
 * decisions), the median days from receipt to endorsement, and the urgent ones with their median hours
 * to endorsement — as a spreadsheet (numbers as numbers) or a PDF to sign.
 */
public final class RecapService {

    /** One village's month; medians are null when nothing was decided. */
    public record Row(String kodeDesa, String village, int received, int approved, int rejected, int toFix, int open,
            Double medianDays, int urgent, Double urgentMedianHours) {
    }

    private final Database db;
    private final Clock clock;

    public RecapService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Row> month(YearMonth month) {
        ZoneId zone = clock.getZone();
        OffsetDateTime from = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        List<Map<String, Object>> rows = db.read(h -> h.createQuery("""
                SELECT r.kode_desa, k.village_name, r.status, r.decision, r.urgent, r.received_at, r.endorsed_at
                FROM dinas_request r LEFT JOIN dinas_village_key k ON k.kode_desa = r.kode_desa
                WHERE r.received_at >= :from AND r.received_at < :to ORDER BY r.kode_desa""")
                .bind("from", from).bind("to", to).mapToMap().list());
        Map<String, List<Map<String, Object>>> byVillage = new TreeMap<>();
        rows.forEach(r -> byVillage.computeIfAbsent((String) r.get("kode_desa"), k -> new ArrayList<>()).add(r));
        List<Row> out = new ArrayList<>();
        for (List<Map<String, Object>> v : byVillage.values()) {
            int approved = 0;
            int rejected = 0;
            int toFix = 0;
            int urgent = 0;
            List<Double> days = new ArrayList<>();
            List<Double> urgentHours = new ArrayList<>();
            for (Map<String, Object> r : v) {
                boolean isUrgent = r.get("urgent") != null;
                urgent += isUrgent ? 1 : 0;
                if (!DecisionService.ENDORSED.equals(r.get("status"))) {
                    continue;
                }
                switch (String.valueOf(r.get("decision"))) {
                    case "disetujui" -> approved++;
                    case "ditolak" -> rejected++;
                    default -> toFix++;
                }
                Duration took = Duration.between(DecisionService.timestamp(r.get("received_at")),
                        DecisionService.timestamp(r.get("endorsed_at")));
                days.add(took.toMinutes() / 1440.0);
                if (isUrgent) {
                    urgentHours.add(took.toMinutes() / 60.0);
                }
            }
            Map<String, Object> first = v.get(0);
            out.add(new Row((String) first.get("kode_desa"), (String) first.get("village_name"), v.size(), approved, rejected,
                    toFix, v.size() - approved - rejected - toFix, median(days), urgent, median(urgentHours)));
        }
        return out;
    }

    /** Writes the month's recap to {@code file}: a PDF when its name ends in .pdf, else an xlsx. */
    public Path write(YearMonth month, Path file, Messages m, String office) throws IOException {
        List<Row> rows = month(month);
        String title = m.get("dinas.recap.title", month.getMonthValue(), month.getYear());
        List<String> header = List.of(m.get("dinas.recap.kode"), m.get("dinas.recap.village"), m.get("dinas.recap.received"),
                m.get("dinas.recap.approved"), m.get("dinas.recap.rejected"), m.get("dinas.recap.toFix"), m.get("dinas.recap.open"),
                m.get("dinas.recap.days"), m.get("dinas.recap.urgent"), m.get("dinas.recap.urgentHours"));
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            AtomicFile.write(file, out -> {
                try (PdfLayout pdf = new PdfLayout(PdfLayout.landscape(), 40, null)) {
                    pdf.letterhead(List.of(office));
                    pdf.line(pdf.bold(), 12, title);
                    pdf.space(8);
                    List<PdfLayout.Row> table = new ArrayList<>();
                    for (Row r : rows) {
                        table.add(new PdfLayout.Row(List.of(r.kodeDesa(), String.valueOf(r.village()), String.valueOf(r.received()),
                                String.valueOf(r.approved()), String.valueOf(r.rejected()), String.valueOf(r.toFix()),
                                String.valueOf(r.open()), number(r.medianDays()), String.valueOf(r.urgent()),
                                number(r.urgentMedianHours())), false));
                    }
                    float[] share = {0.1f, 0.18f, 0.07f, 0.08f, 0.07f, 0.1f, 0.1f, 0.12f, 0.07f, 0.11f};
                    float[] widths = new float[share.length];
                    for (int i = 0; i < share.length; i++) {
                        widths[i] = share[i] * pdf.width();
                    }
                    pdf.table(widths, header, table, 8);
                    pdf.save(out, (page, pages) -> m.get("request.pdf.page", page, pages));
                }
            });
            return file;
        }
        AtomicFile.write(file, out -> {
            Workbook wb = new Workbook(out, "Berkas Desa", null);
            Worksheet ws = wb.newWorksheet(m.get("dinas.recap.sheet"));
            ws.value(0, 0, title);
            for (int c = 0; c < header.size(); c++) {
                ws.value(1, c, header.get(c));
            }
            int y = 2;
            for (Row r : rows) {
                ws.value(y, 0, r.kodeDesa());
                ws.value(y, 1, r.village());
                ws.value(y, 2, r.received());
                ws.value(y, 3, r.approved());
                ws.value(y, 4, r.rejected());
                ws.value(y, 5, r.toFix());
                ws.value(y, 6, r.open());
                if (r.medianDays() != null) {
                    ws.value(y, 7, r.medianDays());
                }
                ws.value(y, 8, r.urgent());
                if (r.urgentMedianHours() != null) {
                    ws.value(y, 9, r.urgentMedianHours());
                }
                y++;
            }
            wb.finish();
        });
        return file;
    }

    private static String number(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f", d);
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> s = new ArrayList<>(values);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
