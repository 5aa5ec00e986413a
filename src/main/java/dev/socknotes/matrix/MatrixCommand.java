package dev.socknotes.matrix;

import dev.socknotes.config.BuildConfig;
import dev.socknotes.config.Mode;
import dev.socknotes.config.Setting;
import dev.socknotes.internal.Suggest;
import dev.socknotes.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code socknotes matrix | matrix-update}: the kernel matrix from the command line; exit status as the CLI's. */
public final class MatrixCommand {
    private MatrixCommand() {}

    public static int run(BuildConfig config, Optional<String> kernels, PrintStream out, PrintStream err) {
        List<Suite> suites = new ArrayList<>();
        for (String name : kernels.map(k -> k.split(",")).orElse(new String[0])) {
            if (name.isBlank()) {
                continue;
            }
            Optional<Suite> suite = Suite.parse(name);
            if (suite.isEmpty()) {
                List<String> known = Arrays.stream(Suite.values()).flatMap(s -> java.util.stream.Stream.of(s.codename(), s.kernelLine())).toList();
                err.println("socknotes: " + Setting.KERNELS.property() + ": unknown kernel '" + name.strip() + "'"
                        + Suggest.closest(name.strip(), known).map(c -> " (did you mean " + c + "?)").orElse("")
                        + "; the matrix has " + Suite.choices());
                return 2;
            }
            suites.add(suite.get());
        }
        if (suites.isEmpty()) {
            suites.addAll(List.of(Suite.values()));
        }
        KernelMatrix matrix = new KernelMatrix(config.projectRoot(), config.contentDir(), config.dataDir().resolve("matrix"),
                config.projectRoot().resolve("target").resolve("matrix"), config.only(), config.slow(),
                Math.min(config.workers(), Runtime.getRuntime().availableProcessors()), out);
        try {
            KernelMatrix.Report report = matrix.run(suites, config.mode() == Mode.MATRIX_UPDATE);
            for (Diagnostic d : report.errors()) {
                err.println(d.format());
            }
            if (!report.ok()) {
                err.println("socknotes: the kernel matrix has " + report.errors().size() + " error(s)");
            }
            return report.ok() ? 0 : 1;
        } catch (IOException e) {
            err.println("socknotes: the kernel matrix could not run: " + e.getMessage());
            return 1;
        }
    }
}
