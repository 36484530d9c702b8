package id.berkasdesa.keys;

import java.util.Optional;

/**
 * What one person's password opens besides the store's key (sealed in the key file under a key that
 * only the password gives, never under anything the store keeps): their own signing key, the store's
 * certifying public key as they last knew it (the anchor a changed store cannot move), the
 * certifying private key for an Administrator, and the newest trail entry they saw (a checkpoint: a
 * trail cut below it is noticed at their next sign-in).
 *
 * @param own this person's signing key (the recovery code's identity: the certifying key itself)
 * @param rootPublic the certifying key's public half
 * @param root the certifying key, for an Administrator; null otherwise
 * @param head the newest trail entry seen, or null
 */
public record Identity(SigningKey own, String rootPublic, SigningKey root, Head head) {

    /** A trail entry by its number and hash. */
    public record Head(long seq, String hash) {
    }

    public Optional<SigningKey> certifying() {
        return Optional.ofNullable(root);
    }

    public Identity withHead(Head h) {
        return new Identity(own, rootPublic, root, h);
    }
}
