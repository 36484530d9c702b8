package id.berkasdesa.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What the rules found about one input, in the order they found it. */
public record Findings(List<Finding> all) {

    public static final Findings NONE = new Findings(List.of());

    public Findings {
        all = List.copyOf(all);
    }

    public static Findings of(List<Finding> findings) {
        return new Findings(findings);
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Finding::isError);
    }

    public boolean hasWarnings() {
        return all.stream().anyMatch(Finding::isWarning);
    }

    /** Nothing to tell: no error and no warning (passed checks may be listed). */
    public boolean isClean() {
        return all.stream().noneMatch(f -> f.isError() || f.isWarning());
    }

    public List<Finding> errors() {
        return filter(Finding::isError);
    }

    public List<Finding> warnings() {
        return filter(Finding::isWarning);
    }

    /** The first finding for exactly this field, if any. */
    public java.util.Optional<Finding> first(String field) {
        return all.stream().filter(f -> f.field().equals(field)).findFirst();
    }

    /** Findings for one field and the fields below it ("member.2" covers "member.2.nik"). */
    public List<Finding> forField(String field) {
        return filter(f -> f.field().equals(field) || f.field().startsWith(field + "."));
    }

    public Findings plus(Findings other) {
        List<Finding> joined = new ArrayList<>(all);
        joined.addAll(other.all);
        return new Findings(joined);
    }

    private List<Finding> filter(Predicate<Finding> p) {
        return all.stream().filter(p).toList();
    }
}
