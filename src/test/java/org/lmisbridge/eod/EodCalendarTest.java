package org.lmisbridge.eod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EodCalendarTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 5);

    @Test
    void missedDaysAreDueOldestFirstUpToYesterday() {
        assertThat(EodCalendar.dueDays(TODAY, Optional.of(LocalDate.of(2026, 11, 1)), Optional.empty(), Optional.empty()))
                .containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
    }

    @Test
    void nothingIsDueWhenYesterdayIsFrozen() {
        assertThat(EodCalendar.dueDays(TODAY, Optional.of(LocalDate.of(2026, 11, 4)), Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @Test
    void theFirstRunStartsAtTheFirstDaySettingOrElseYesterday() {
        assertThat(EodCalendar.dueDays(TODAY, Optional.empty(), Optional.empty(), Optional.empty()))
                .containsExactly(LocalDate.of(2026, 11, 4));
        assertThat(EodCalendar.dueDays(TODAY, Optional.empty(), Optional.of(LocalDate.of(2026, 11, 3)), Optional.empty()))
                .containsExactly(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
    }

    @Test
    void aBackdatedDayRestartsTheRunFromThatDay() {
        assertThat(EodCalendar.dueDays(TODAY, Optional.of(LocalDate.of(2026, 11, 3)), Optional.empty(),
                Optional.of(LocalDate.of(2026, 11, 2))))
                .containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 4));
    }

    @Test
    void anOnDemandRangeMustHaveEnded() {
        assertThat(EodCalendar.requestedDays(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2), TODAY)).hasSize(2);
        assertThatThrownBy(() -> EodCalendar.requestedDays(LocalDate.of(2026, 11, 1), TODAY, TODAY))
                .hasMessageContaining("has not ended");
        assertThatThrownBy(() -> EodCalendar.requestedDays(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 2), TODAY))
                .hasMessageContaining("before");
    }

    @Test
    void periodsAreDhis2IsoPeriodsAndTheAmcWindowEndsWithTheMonth() {
        assertThat(EodCalendar.dailyPeriod(LocalDate.of(2026, 1, 9))).isEqualTo("20260109");
        assertThat(EodCalendar.monthlyPeriod(YearMonth.of(2026, 1))).isEqualTo("202601");
        assertThat(EodCalendar.amcFromPeriod(YearMonth.of(2026, 1), 3)).isEqualTo("202511");
    }
}
