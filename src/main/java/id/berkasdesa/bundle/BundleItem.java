package id.berkasdesa.bundle;

import id.berkasdesa.document.Document;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.Member;
import id.berkasdesa.request.ReactivationRequest;
import java.util.List;

/**
 * One request as it goes into a bundle: the person, their household, and the upload-ready copies
 * chosen for it, each with its path under {@code data/}.
 *
 * @param resend the request went out before (a lost stick): sent again, same id
 */
record BundleItem(ReactivationRequest request, Household household, Member member, List<Doc> documents, boolean resend) {

    record Doc(Document document, String path) {
    }

    String path(DocumentKind kind) {
        return documents.stream().filter(d -> d.document().kind() == kind).map(Doc::path).findFirst().orElse("");
    }
}
