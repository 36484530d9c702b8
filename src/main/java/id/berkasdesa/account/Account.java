package id.berkasdesa.account;

import id.berkasdesa.common.Role;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A person who may sign in. Never deleted (the audit trail names them): disabled.
 *
 * @param mustChange the password was set by someone else: it must be changed before anything else
 * @param lastSignIn null until the first sign-in
 */
public record Account(UUID id, String name, Role role, boolean active, boolean mustChange, OffsetDateTime lastSignIn) {
}
