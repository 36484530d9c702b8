package id.berkasdesa.wilayah;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Kemendagri area codes that ship inside the app (idn-area-data 4.0.1, ODbL; see the
 * resources' README). Provinces, regencies and kecamatan are loaded at once (NIK checks need them);
 * the 83,000 villages only when someone asks for them (the setup's village picker).
 */
public final class Wilayah {

    static final String RESOURCE_DIR = "/id/berkasdesa/wilayah/";

    private final Map<String, Area> byCode = new HashMap<>();
    private final Map<String, List<Area>> children = new HashMap<>();
    /** All villages with their lookups, built once on first use and never changed after. */
    private record Villages(List<Area> all, Map<String, Area> byCode, Map<String, List<Area>> byKecamatan) {
    }

    private volatile Villages villages;

    private Wilayah() {
    }

    /** The reference once read in this process: it never changes while the app runs. */
    private static volatile Wilayah loaded;

    /**
     * The bundled reference, read once per process (some 150-400 ms on a cold JVM) and shared after:
     * a command's warm-up and the sign-in's read it while the password is typed or hashed, and the
     * store's opening then finds it ready instead of reading it again beside the store. Off the UI thread.
     */
    public static Wilayah load() {
        Wilayah w = loaded;
        if (w == null) {
            synchronized (Wilayah.class) {
                w = loaded;
                if (w == null) {
                    w = read();
                    loaded = w;
                }
            }
        }
        return w;
    }

    private static Wilayah read() {
        Wilayah w = new Wilayah();
        w.addAll(read("provinces.csv", Area.Level.PROVINSI));
        w.addAll(read("regencies.csv", Area.Level.KABUPATEN_KOTA));
        w.addAll(read("districts.csv", Area.Level.KECAMATAN));
        return w;
    }

    private void addAll(List<Area> areas) {
        for (Area a : areas) {
            byCode.put(a.code(), a);
            children.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a);
        }
    }

    public Optional<Area> find(String dottedCode) {
        Optional<Area> known = Optional.ofNullable(byCode.get(dottedCode));
        if (known.isPresent() || dottedCode.length() != 13) {
            return known;
        }
        return Optional.ofNullable(loadedVillages().byCode().get(dottedCode));
    }

    public Optional<Area> province(String twoDigits) {
        return Optional.ofNullable(byCode.get(twoDigits));
    }

    /** The kecamatan for the first six digits of a NIK or No. KK ("320101" → 32.01.01). */
    public Optional<Area> kecamatanOfDigits(String sixDigits) {
        return Optional.ofNullable(byCode.get(dotted(sixDigits)));
    }

    /** "320101" → "32.01.01". */
    public static String dotted(String sixDigits) {
        return sixDigits.substring(0, 2) + "." + sixDigits.substring(2, 4) + "." + sixDigits.substring(4, 6);
    }

    public List<Area> provinces() {
        return childrenOf("");
    }

    /** Areas directly below one area; for a kecamatan, its villages. */
    public List<Area> childrenOf(String parentCode) {
        if (parentCode.length() == 8) {
            return loadedVillages().byKecamatan().getOrDefault(parentCode, List.of());
        }
        return Collections.unmodifiableList(children.getOrDefault(parentCode, List.of()));
    }

    /**
     * Villages whose name contains every word of the query (case-insensitive), best first: name
     * starts with the query, then the rest in code order. At most {@code limit}.
     */
    public List<Area> searchVillages(String query, int limit) {
        String[] words = query.trim().toLowerCase(Locale.ROOT).split("\\s+");
        List<Area> starts = new ArrayList<>();
        List<Area> contains = new ArrayList<>();
        String first = words[0];
        for (Area v : villages()) {
            String name = v.name().toLowerCase(Locale.ROOT);
            boolean all = true;
            for (String w : words) {
                if (!name.contains(w)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                (name.startsWith(first) ? starts : contains).add(v);
            }
        }
        starts.addAll(contains);
        return starts.subList(0, Math.min(limit, starts.size()));
    }

    /** "Desa X, Kec. Y, Kabupaten Z, Provinsi W" style path, from the village up. */
    public List<Area> pathTo(String dottedCode) {
        List<Area> path = new ArrayList<>();
        String code = dottedCode;
        while (!code.isEmpty()) {
            Optional<Area> a = find(code);
            if (a.isEmpty()) {
                break;
            }
            path.add(0, a.get());
            code = a.get().parentCode();
        }
        return path;
    }

    public List<Area> villages() {
        return loadedVillages().all();
    }

    private Villages loadedVillages() {
        Villages v = villages;
        if (v == null) {
            synchronized (this) {
                if (villages == null) {
                    List<Area> all = List.copyOf(read("villages.csv", Area.Level.DESA_KELURAHAN));
                    Map<String, Area> byCode = new HashMap<>();
                    Map<String, List<Area>> byKecamatan = new HashMap<>();
                    for (Area a : all) {
                        byCode.put(a.code(), a);
                        byKecamatan.computeIfAbsent(a.parentCode(), k -> new ArrayList<>()).add(a);
                    }
                    byKecamatan.replaceAll((k, list) -> List.copyOf(list));
                    villages = new Villages(all, Map.copyOf(byCode), Map.copyOf(byKecamatan));
                }
                v = villages;
            }
        }
        return v;
    }

    private static List<Area> read(String file, Area.Level level) {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Area> areas = new ArrayList<>();
        try (InputStream in = Wilayah.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled area file " + file);
            }
            MappingIterator<String[]> rows = mapper.readerFor(String[].class)
                    .with(CsvSchema.emptySchema().withSkipFirstDataRow(true))
                    .readValues(in);
            while (rows.hasNext()) {
                String[] r = rows.next();
                if (level == Area.Level.PROVINSI) {
                    areas.add(new Area(level, r[0], "", r[1]));
                } else {
                    areas.add(new Area(level, r[0], r[1], r[2]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return areas;
    }
}
