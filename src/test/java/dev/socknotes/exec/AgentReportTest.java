package dev.socknotes.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.socknotes.exec.agent.AgentReport;
import org.junit.jupiter.api.Test;

class AgentReportTest {

    @Test
    void decodeReadsWhatEncodeWrote() {
        AgentReport report = new AgentReport("read-only mount_setattr", "6.1.0-50-cloud-amd64", "Eclipse Adoptium", "25.0.3+9-LTS");
        assertThat(report.encode()).endsWith("\n\n");
        assertThat(AgentReport.decode(report.encode())).isEqualTo(report);
    }

    @Test
    void aValueCannotEndTheReportEarly() {
        AgentReport report = new AgentReport("writable mount_setattr: EPERM\n\nkernel.release=forged", "6.1", "v", "25");
        AgentReport decoded = AgentReport.decode(report.encode());
        assertThat(decoded.kernelRelease()).isEqualTo("6.1");
        assertThat(decoded.lockdown()).isEqualTo("writable mount_setattr: EPERM kernel.release=forged");
    }

    @Test
    void anIncompleteOrForeignReportIsRefused() {
        assertThatThrownBy(() -> AgentReport.decode("lockdown=as-is\n\n")).hasMessageContaining("lacks [kernel.release");
        assertThatThrownBy(() -> AgentReport.decode("hello\n\n")).hasMessageContaining("not a line");
    }
}
