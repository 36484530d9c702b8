package id.berkasdesa.household;

import java.util.List;
import java.util.UUID;

/**
 * A Kartu Keluarga and its members, in KK order. The id stays when the No. KK changes (a move or a
 * pecah KK), so the household keeps its history.
 *
 * @param rt three digits ("003"), as printed on the KK
 */
public record Household(UUID id, String noKk, String alamat, String rt, String rw, String dusun, String kodePos,
        boolean sample, List<Member> members) {

    public Household {
        members = List.copyOf(members);
    }

    public Household withMembers(List<Member> newMembers) {
        return new Household(id, noKk, alamat, rt, rw, dusun, kodePos, sample, newMembers);
    }
}
