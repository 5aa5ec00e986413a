package dev.socknotes.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SiteZipTest {
    @Test
    void entriesTakeSourceDateEpochWhenItIsSet() {
        assertThat(SiteZip.entryTime("1764028800").toMillis()).isEqualTo(1764028800_000L);
        assertThat(SiteZip.entryTime(null).toMillis()).isEqualTo(315532800_000L);
        assertThat(SiteZip.entryTime("0").toMillis()).as("zip cannot hold times before 1980").isEqualTo(315532800_000L);
        assertThatThrownBy(() -> SiteZip.entryTime("yesterday")).hasMessageContaining("SOURCE_DATE_EPOCH");
    }
}
