package id.berkasdesa.household;

/** Whether a member still lives in the household; members are never deleted, only marked. */
public enum MemberStatus {
    AKTIF,
    PINDAH,
    MENINGGAL
}
