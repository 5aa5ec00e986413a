package dev.socknotes.cli;

import dev.socknotes.config.BuildConfig;
import java.io.PrintStream;

/** The preview server (issue 5). Until it exists, serve builds once and says so. */
final class PreviewServer {
    private PreviewServer() {}

    static int serve(BuildConfig config, PrintStream out) {
        out.println("serve: the preview server is not implemented yet; building once instead");
        return new dev.socknotes.Socknotes(config, out).run().exitCode() == 0 ? Main.OK : Main.ERRORS;
    }
}
