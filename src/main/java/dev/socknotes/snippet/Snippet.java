package dev.socknotes.snippet;

import dev.socknotes.content.Lang;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code java run} block of one page.
 *
 * @param file          display path of the page
 * @param lang          its language
 * @param topic         topic key
 * @param index         0-based position among the page's run snippets
 * @param options       validated options
 * @param infoString    the fence's info string as written ("java run id=x hidden")
 * @param code          the code, dedented by the fence's indentation, lines joined by '\n'
 * @param fenceLine     1-based line of the opening fence
 * @param indent        columns of indentation of the fence (kept by update mode)
 * @param fenceEndOffset char offset just after the closing fence line
 * @param expected      the output block, if there is one
 */
public record Snippet(Path file, Lang lang, String topic, int index, SnippetOptions options, String infoString,
                      String code, int fenceLine, int indent, int fenceEndOffset, Optional<ExpectedBlock> expected) {

    /** topic#id, or topic#3 (1-based) for a snippet without an id. */
    public SnippetRef reference() {
        return new SnippetRef(topic, options.id().orElse(String.valueOf(index + 1)));
    }

    /** HTML id of the rendered snippet, stable across languages. */
    public String anchor() {
        return reference().anchor();
    }

    /** 1-based file line of a 0-based line within the code. */
    public int fileLineOfCodeLine(int codeLine) {
        return fenceLine + 1 + codeLine;
    }

    public String label() {
        return file.toString().replace('\\', '/') + ":" + fenceLine + " " + reference();
    }
}
