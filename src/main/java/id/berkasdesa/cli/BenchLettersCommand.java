package id.berkasdesa.cli;

import id.berkasdesa.letter.LetterService;
import id.berkasdesa.surat.LetterType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench-letters}: on a store with a register (e.g. one made by {@code demo}), how long a letter
 * takes as the operator waits for it — the preview (draft and page), then Terbitkan (numbered, signed,
 * archived, attached as the SKTM) — median and spread over {@code --count} letters after a warm-up.
 * It issues real letters: run it on a copy.
 */
@Command(name = "bench-letters", description = "Ukur lama membuat surat (pratinjau, lalu terbitkan dan arsipkan) pada data yang "
        + "sudah berisi penduduk (mis. dari demo). Menerbitkan surat sungguhan: jalankan pada salinan data.")
final class BenchLettersCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--count", defaultValue = "30", description = "Jumlah surat (bawaan: ${DEFAULT-VALUE}).")
    int count;

    @Override
    public Integer call() {
        return StoreCommand.run(parent, w -> {
            List<UUID[]> people = w.households().register().values().stream().limit(count + 3L)
                    .map(h -> new UUID[] {h.id(), h.members().get(0).id()}).toList();
            double[] preview = new double[count];
            double[] issue = new double[count];
            for (int i = 0; i < count + 3; i++) {
                UUID[] p = people.get(i % people.size());
                long t0 = System.nanoTime();
                LetterService.Draft d = w.letters().draft(LetterType.SKTM, p[0], p[1], "Reaktivasi PBI-JK");
                w.letters().preview(d);
                long t1 = System.nanoTime();
                w.letters().issue(d);
                long t2 = System.nanoTime();
                if (i >= 3) { // three to warm up
                    preview[i - 3] = (t1 - t0) / 1e6;
                    issue[i - 3] = (t2 - t1) / 1e6;
                }
            }
            BenchCommand.print("letter_preview", figures(preview));
            BenchCommand.print("letter_issue", figures(issue));
            return 0;
        });
    }

    private static Map<String, Object> figures(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("letters", s.length);
        out.put("median_ms", BenchCommand.round(s[s.length / 2]));
        out.put("min_ms", BenchCommand.round(s[0]));
        out.put("max_ms", BenchCommand.round(s[s.length - 1]));
        return out;
    }
}
