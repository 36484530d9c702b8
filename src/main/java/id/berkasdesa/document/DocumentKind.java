package id.berkasdesa.document;

import id.berkasdesa.common.Keyed;

/** What a document is, and whom it belongs to: a member, the household, or either. */
public enum DocumentKind implements Keyed {
    KTP(Scope.MEMBER, false),
    KK(Scope.HOUSEHOLD, false),
    /** Surat keterangan tidak mampu from the desa/kelurahan. */
    SKTM(Scope.EITHER, true),
    /** Surat keterangan from the puskesmas or hospital. */
    FASKES(Scope.MEMBER, true),
    LAINNYA(Scope.EITHER, false);

    public enum Scope { MEMBER, HOUSEHOLD, EITHER }

    private final Scope scope;
    private final boolean expires;

    DocumentKind(Scope scope, boolean expires) {
        this.scope = scope;
        this.expires = expires;
    }

    public Scope scope() {
        return scope;
    }

    /** A letter that is only good for some months after its date (see {@link DocumentSettings#expiryMonths()}). */
    public boolean expires() {
        return expires;
    }

    /** Whether a document of this kind may be attached to a member ({@code true}) or to the household. */
    public boolean allows(boolean forMember) {
        return scope == Scope.EITHER || (scope == Scope.MEMBER) == forMember;
    }

    /** Message key of its name. */
    @Override
    public String key() {
        return "document.kind." + name();
    }
}
