package id.berkasdesa.household;

import id.berkasdesa.db.TestStore;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.Parameter;
import static id.berkasdesa.household.Households.WILAYAH;
import static id.berkasdesa.household.Households.family;
import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@ValueSource(strings = {TestStore.H2, TestStore.POSTGRESQL})
class HouseholdServiceTest {

    /** Every case runs on an H2 file and on PostgreSQL. */
    @Parameter
    String engine;

    private static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atStartOfDay().toInstant(ZoneOffset.UTC),
            ZoneId.of("Asia/Jakarta"));

    @TempDir
    Path dir;
    Database db;
    HouseholdService service;

    @BeforeEach
    void open() {
        db = TestStore.open(engine, dir);
        service = new HouseholdService(db, WILAYAH, CLOCK);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void reopen() {
        db.close();
        open();
    }

    private static List<String> keys(SaveResult r) {
        return r.findings().all().stream().map(Finding::key).toList();
    }

    @Test
    void aSavedHouseholdIsThereWholeAfterReopening() {
        Household h = family(1);
        assertThat(service.save(h, false).saved()).isTrue();
        reopen();
        Household back = service.load(h.id()).orElseThrow();
        assertThat(back).isEqualTo(h);
    }

    @Test
    void pastedNumbersAreStoredCleanAndRtRwPadded() {
        Household h = family(2);
        Household typed = new Household(h.id(), "3201 0112.0300 0002", h.alamat(), "1", "02", h.dusun(), h.kodePos(),
                false, h.members());
        assertThat(service.save(typed, false).saved()).isTrue();
        Household back = service.load(h.id()).orElseThrow();
        assertThat(back.noKk()).isEqualTo("3201011203000002");
        assertThat(back.rt()).isEqualTo("001");
        assertThat(back.rw()).isEqualTo("002");
    }

    /**
     * A village without RW: the RW left empty, typed as "-", "0" or "000" all save as "-" (no RW), the
     * household shows in the list, and the filter "tanpa RW" finds exactly those. RT stays required,
     * and an RW of letters is still refused.
     */
    @Test
    void aHouseholdWithoutRwSavesAndIsFoundByTheFilterTanpaRw() {
        int seed = 30;
        for (String typed : List.of("", "-", "0", "000", " '- ")) {
            Household h = family(seed++);
            Household noRw = new Household(h.id(), h.noKk(), h.alamat(), h.rt(), typed, h.dusun(), h.kodePos(), false,
                    h.members());
            SaveResult r = service.save(noRw, false);
            assertThat(r.saved()).as("RW \"%s\": %s", typed, keys(r)).isTrue();
            assertThat(service.load(h.id()).orElseThrow().rw()).isEqualTo(HouseholdRules.NO_RW);
        }
        Household withRw = family(seed);
        service.save(withRw, false);
        reopen();
        assertThat(service.search(new HouseholdSearch("", null, HouseholdRules.NO_RW, null, 100))).hasSize(5)
                .allSatisfy(s -> assertThat(s.rw()).isEqualTo("-"));
        assertThat(service.search(HouseholdSearch.all())).hasSize(6);
        assertThat(service.filters().rw()).contains(HouseholdRules.NO_RW, withRw.rw());

        Household h = family(seed + 1);
        Household noRt = new Household(h.id(), h.noKk(), h.alamat(), "", "-", h.dusun(), h.kodePos(), false, h.members());
        assertThat(keys(service.save(noRt, false))).contains("field.required");
        Household letters = new Household(h.id(), h.noKk(), h.alamat(), "001", "AB", h.dusun(), h.kodePos(), false,
                h.members());
        assertThat(keys(service.save(letters, false))).contains("household.rtRw.format");
    }

    @Test
    void aNikAlreadyInAnotherKkIsRefusedNamingThatKk() {
        Household first = family(3);
        service.save(first, false);
        Household second = family(4);
        List<Member> members = new ArrayList<>(second.members());
        members.set(2, members.get(2).withNik(first.members().get(2).nik()));
        SaveResult r = service.save(second.withMembers(members), false);
        assertThat(r.saved()).isFalse();
        Finding f = r.findings().errors().get(0);
        assertThat(f.field()).isEqualTo("member.2.nik");
        assertThat(f.message(Messages.indonesian())).contains(first.noKk()).contains("ANAK UJI 3");
        assertThat(service.load(second.id())).isEmpty();
    }

    @Test
    void aKkNeedsExactlyOneHead() {
        Household h = family(5);
        List<Member> members = new ArrayList<>(h.members());
        Member wife = members.get(1);
        members.set(1, new Member(wife.id(), wife.nik(), false, wife.nama(), wife.sex(), wife.tempatLahir(),
                wife.tanggalLahir(), wife.agama(), wife.pendidikan(), wife.pekerjaan(), wife.statusPerkawinan(),
                CodeList.KEPALA_KELUARGA, wife.kewarganegaraan(), wife.namaAyah(), wife.namaIbu(), MemberStatus.AKTIF, null));
        assertThat(keys(service.save(h.withMembers(members), false))).contains("household.head.many");
        assertThat(keys(service.save(h.withMembers(List.of(h.members().get(2))), false))).contains("household.head.none");
        assertThat(service.count()).isZero();
    }

    @Test
    void aRefusedUpdateLeavesTheStoredHouseholdAsItWas() {
        Household h = family(6);
        service.save(h, false);
        Household broken = new Household(h.id(), "12345", "", "x", "002", null, null, false, h.members());
        SaveResult r = service.save(broken, false);
        assertThat(r.saved()).isFalse();
        assertThat(keys(r)).contains("number.length", "field.required", "household.rtRw.format");
        assertThat(service.load(h.id())).contains(h);
    }

    @Test
    void warningsNeedOneConfirmation() {
        Household h = family(7);
        Household oldCode = new Household(h.id(), "3201991203000007", h.alamat(), h.rt(), h.rw(), h.dusun(),
                h.kodePos(), false, h.members());
        SaveResult first = service.save(oldCode, false);
        assertThat(first.needsConfirmation()).isTrue();
        assertThat(service.load(h.id())).isEmpty();
        assertThat(service.save(oldCode, true).saved()).isTrue();
    }

    @Test
    void changingTheKkNumberKeepsTheHouseholdAndItsHistory() {
        Household h = family(8);
        service.save(h, false);
        Household moved = new Household(h.id(), "3201011503260001", h.alamat(), h.rt(), h.rw(), h.dusun(),
                h.kodePos(), false, h.members());
        assertThat(service.save(moved, false).saved()).isTrue();
        assertThat(service.load(h.id()).orElseThrow().noKk()).isEqualTo("3201011503260001");
        assertThat(service.previousKkNumbers(h.id())).containsExactly(h.noKk());
    }

    @Test
    void aMemberIsMarkedDeceasedNotDeletedAndCannotBeDeleted() {
        Household h = family(9);
        service.save(h, false);
        List<Member> members = new ArrayList<>(h.members());
        members.set(2, members.get(2).withStatus(MemberStatus.MENINGGAL, LocalDate.of(2026, 10, 1)));
        assertThat(service.save(h.withMembers(members), false).saved()).isTrue();
        assertThat(service.load(h.id()).orElseThrow().members().get(2).status()).isEqualTo(MemberStatus.MENINGGAL);
        assertThat(service.search(HouseholdSearch.text(h.noKk())).get(0).jumlah()).isEqualTo(2);

        SaveResult deleted = service.save(h.withMembers(members.subList(0, 2)), false);
        assertThat(keys(deleted)).contains("household.member.removed");
        assertThat(service.load(h.id()).orElseThrow().members()).hasSize(3);
    }

    @Test
    void aMovedOutPersonsNikCanBeRecordedInTheirNewKk() {
        Household h = family(10);
        service.save(h, false);
        List<Member> members = new ArrayList<>(h.members());
        Member child = members.get(2);
        members.set(2, child.withStatus(MemberStatus.PINDAH, LocalDate.of(2026, 11, 1)));
        service.save(h.withMembers(members), false);

        Member newHead = new Member(UUID.randomUUID(), child.nik(), false, child.nama(), child.sex(), child.tempatLahir(),
                child.tanggalLahir(), 1, 5, 9, 2, CodeList.KEPALA_KELUARGA, 1, child.namaAyah(), child.namaIbu(),
                MemberStatus.AKTIF, null);
        Household split = new Household(UUID.randomUUID(), "3201011503260099", "JL. BARU", "003", "002", null, null,
                false, List.of(newHead));
        assertThat(service.save(split, false).saved()).isTrue();
    }

    @Test
    void aPersonWithoutNikIsKeptAndALikelyDuplicateIsPointedOut() {
        Household h = family(11);
        service.save(h, false);
        Member twin = h.members().get(2);
        Member noNik = new Member(UUID.randomUUID(), null, true, twin.nama(), twin.sex(), "BOGOR", twin.tanggalLahir(),
                1, 1, 1, 1, CodeList.KEPALA_KELUARGA, 1, null, twin.namaIbu(), MemberStatus.AKTIF, null);
        Household other = new Household(UUID.randomUUID(), "3201011503260011", "JL. LAIN", "004", "002", null, null,
                false, List.of(noNik));
        SaveResult r = service.save(other, false);
        assertThat(r.needsConfirmation()).isTrue();
        assertThat(r.findings().warnings()).extracting(Finding::key).contains("member.duplicate.inStore");
        assertThat(service.save(other, true).saved()).isTrue();
        assertThat(service.load(other.id()).orElseThrow().members().get(0).nik()).isNull();
    }

    @Test
    void aBirthDateInTheFutureIsRefused() {
        Household h = family(12);
        List<Member> members = new ArrayList<>(h.members());
        Member m = members.get(2);
        members.set(2, new Member(m.id(), null, true, m.nama(), m.sex(), m.tempatLahir(), LocalDate.of(2027, 1, 1),
                1, 1, 1, 1, CodeList.SHDK_ANAK, 1, null, "IBU", MemberStatus.AKTIF, null));
        assertThat(keys(service.save(h.withMembers(members), false))).contains("member.tanggalLahir.future");
    }

    @Test
    void searchFindsByMemberNikPrefixKkPrefixAndNameFragment() {
        for (int i = 20; i < 30; i++) {
            service.save(family(i), false);
        }
        Household target = family(25);
        String childNik = target.members().get(2).nik();
        assertThat(service.search(HouseholdSearch.text(childNik.substring(0, 12))))
                .extracting(HouseholdSummary::noKk).contains(target.noKk());
        assertThat(service.search(HouseholdSearch.text(childNik))).extracting(HouseholdSummary::noKk)
                .containsExactly(target.noKk());
        assertThat(service.search(HouseholdSearch.text(target.noKk()))).hasSize(1);
        List<HouseholdSummary> byName = service.search(HouseholdSearch.text("anak uji 25"));
        assertThat(byName).hasSize(1);
        assertThat(byName.get(0).kepala()).isEqualTo("BUDI UJI 25");
        assertThat(byName.get(0).jumlah()).isEqualTo(3);
        assertThat(service.search(HouseholdSearch.text("uji_2"))).isEmpty();
        assertThat(service.search(new HouseholdSearch("", "001", "002", "DUSUN I", 5))).hasSize(5);
        assertThat(service.search(new HouseholdSearch("", "009", null, null, 5))).isEmpty();
    }

    @Test
    void deletingTheSampleDataKeepsRealHouseholdsAndNameSearchForgetsTheSample() {
        service.saveBatch(new SampleData("32.01.01", 5, service.today()).households(30));
        Household real = family(40);
        service.save(real, false);
        assertThat(service.search(HouseholdSearch.text("contoh"))).isNotEmpty();

        assertThat(service.deleteSample()).isEqualTo(30);
        assertThat(service.count()).isEqualTo(1);
        assertThat(service.load(real.id())).contains(real);
        assertThat(service.search(HouseholdSearch.text("contoh"))).isEmpty();
        assertThat(service.search(HouseholdSearch.text("budi uji 40"))).hasSize(1);
    }
}
