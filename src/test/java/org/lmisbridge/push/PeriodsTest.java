package org.lmisbridge.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Period formats, intervals and bases: which DHIS2 period a run day sends, and on which days. */
class PeriodsTest {

    private static final LocalDate MARCH_15 = LocalDate.of(2024, 3, 15);

    @Test
    void periodFormatsWriteDhis2IsoPeriods() {
        assertThat(PeriodFormat.of("YYYYMMDD").format(MARCH_15)).isEqualTo("20240315");
        assertThat(PeriodFormat.of("YYYYMM").format(MARCH_15)).isEqualTo("202403");
        assertThat(PeriodFormat.of("YYYYWww").format(MARCH_15)).isEqualTo("2024W11");
        // 2021-01-03 is in ISO week 53 of 2020
        assertThat(PeriodFormat.of("YYYYWww").format(LocalDate.of(2021, 1, 3))).isEqualTo("2020W53");
        assertThatThrownBy(() -> PeriodFormat.of("MMDD")).hasMessageContaining("YYYY");
    }

    @Test
    void intervalsSayOnWhichDaysATypeIsSent() {
        assertThat(Interval.DAILY.isDue(MARCH_15)).isTrue();
        assertThat(Interval.WEEKLY.isDue(LocalDate.of(2024, 3, 11))).isTrue();
        assertThat(Interval.WEEKLY.isDue(MARCH_15)).isFalse();
        assertThat(Interval.MONTHLY.isDue(LocalDate.of(2024, 3, 1))).isTrue();
        assertThat(Interval.FIRST_DAY_OF_MONTH.isDue(MARCH_15)).isFalse();
        assertThat(Interval.LAST_DAY_OF_MONTH.isDue(LocalDate.of(2024, 2, 29))).isTrue();
        assertThat(Interval.LAST_DAY_OF_MONTH.isDue(LocalDate.of(2024, 2, 28))).isFalse();
        assertThat(Interval.parse("last-day-of-month")).isEqualTo(Interval.LAST_DAY_OF_MONTH);
    }

    @Test
    void thePreviousMonthBasisCoversTheWholeMonthBeforeTheRunDay() {
        assertThat(Basis.PREVIOUS_MONTH.firstDay(MARCH_15)).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(Basis.PREVIOUS_MONTH.lastDay(MARCH_15)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Basis.PREVIOUS_MONTH.indicatorPeriod(MARCH_15)).isEqualTo("202402");
        assertThat(Basis.CURRENT_DAY.firstDay(MARCH_15)).isEqualTo(MARCH_15);
        assertThat(Basis.CURRENT_DAY.indicatorPeriod(MARCH_15)).isEqualTo("20240315");
    }
}
