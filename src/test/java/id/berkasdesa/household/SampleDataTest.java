package id.berkasdesa.household;

import static id.berkasdesa.household.Households.WILAYAH;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class SampleDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Property(tries = 30)
    void everySampleHouseholdPassesTheRulesWithoutErrors(@ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        HouseholdRules rules = new HouseholdRules(WILAYAH);
        for (Household h : new SampleData("32.01.01", seed, TODAY).households(200)) {
            assertThat(rules.check(h, TODAY).errors()).as(h.toString()).isEmpty();
            assertThat(h.sample()).isTrue();
        }
    }

    @Property(tries = 10)
    void theSameSeedGivesTheSameHouseholds(@ForAll long seed) {
        List<String> first = new SampleData("32.01.01", seed, TODAY).households(20).stream().map(Household::noKk).toList();
        List<String> again = new SampleData("32.01.01", seed, TODAY).households(20).stream().map(Household::noKk).toList();
        assertThat(again).isEqualTo(first);
    }
}
