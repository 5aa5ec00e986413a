package dev.socknotes.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CpuWaitTest {

    private static Process busyOnCoreZero() throws Exception {
        return new ProcessBuilder("taskset", "-c", "0", "sh", "-c", "while :; do :; done").start();
    }

    @Test
    void countsTheTimeAProcessTreeWaitedForACpu() throws Exception {
        List<Process> processes = new ArrayList<>();
        try {
            // three busy loops on one core: each is runnable all the time and runs a third of it
            for (int i = 0; i < 3; i++) {
                processes.add(busyOnCoreZero());
            }
            CpuWait wait = CpuWait.since(processes.getFirst().toHandle());
            long start = System.nanoTime();
            TimeUnit.MILLISECONDS.sleep(600);
            long elapsed = System.nanoTime() - start;
            // no upper bound: the kernel adds a thread's wait when it next gets the CPU, so a reading
            // can include a wait that began before it and ends after it (the executor caps the credit)
            assertThat(wait.waitedNanos()).as("waited for the core while the others ran").isGreaterThan(elapsed / 4);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void creditsNothingToAProcessThatSleeps() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            CpuWait wait = CpuWait.since(sleeper.toHandle());
            TimeUnit.MILLISECONDS.sleep(300);
            // only the calling thread's own waits (this test thread sleeps) and the sleeper's: next to nothing
            assertThat(wait.waitedNanos()).isLessThan(100_000_000L);
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
