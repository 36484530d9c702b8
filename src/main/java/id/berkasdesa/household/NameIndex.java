package id.berkasdesa.household;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Members' folded names by household, in memory, for search by a fragment of a name: a substring
 * match cannot use a database index, and scanning 80,000 rows in H2 takes longer than typing
 * allows. Loaded from the store on first use; {@link HouseholdService} replaces a household's names
 * after each committed write (it is the only writer, and one process holds the store).
 */
final class NameIndex {

    private Map<UUID, String[]> names;

    /** Households with a member whose folded name contains {@code folded}, at most {@code limit}. */
    synchronized List<UUID> find(String folded, int limit, Supplier<Map<UUID, List<String>>> load) {
        if (names == null) {
            names = new LinkedHashMap<>();
            load.get().forEach((id, list) -> names.put(id, list.toArray(String[]::new)));
        }
        List<UUID> found = new ArrayList<>();
        for (Map.Entry<UUID, String[]> e : names.entrySet()) {
            for (String n : e.getValue()) {
                if (n.contains(folded)) {
                    found.add(e.getKey());
                    break;
                }
            }
            if (found.size() >= limit) {
                break;
            }
        }
        return found;
    }

    /** After a bulk delete: reloaded from the store on the next search. */
    synchronized void clear() {
        names = null;
    }

    /** After a committed write: the household's names as they are now stored. */
    synchronized void replace(Household h) {
        if (names != null) {
            names.put(h.id(), h.members().stream().map(m -> HouseholdRules.fold(m.nama())).toArray(String[]::new));
        }
    }
}
