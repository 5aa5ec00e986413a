import java.io.File;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * Stock JBake 2.7.0: {@code Oven.bake()} with its default parts (OrientDB content store, stock
 * documents renderer) on a JBake input folder that a socknotes build left in
 * target/socknotes/jbake-input — the same finished pages, templates and data our bake used.
 *   java -cp CLASSPATH bench/StockBake.java INPUT OUT
 */
public final class StockBake {
    public static void main(String[] args) throws Exception {
        File out = new File(args[1]);
        out.mkdirs();
        Oven oven = new Oven(new JBakeConfigurationFactory().createDefaultJbakeConfiguration(new File(args[0]), out, true));
        oven.bake();
        if (!oven.getErrors().isEmpty()) {
            oven.getErrors().forEach(e -> System.err.println("stock JBake: " + e));
            System.exit(1);
        }
    }
}
