package dev.socknotes.exec;

import java.time.Duration;
import java.util.List;

/**
 * What happened when one snippet was evaluated. {@link #output()} is everything the snippet
 * wrote to System.out and System.err, interleaved in the order written ("" if nothing).
 */
public sealed interface Outcome {

    String output();

    /** Every unit of the snippet ran to the end. */
    record Completed(String output) implements Outcome {}

    /**
     * A unit threw; the units after it did not run.
     *
     * @param exceptionClass qualified class name, with JShell's {@code REPL.$JShell$NN$} prefix
     *                       removed for classes declared in snippets
     * @param message        the exception's message, or null
     * @param unitOffset     char offset in the snippet code of the unit that threw
     * @param lastUnit       whether that unit was the snippet's last one
     * @param stackTrace     frames as JShell reports them, for the error message only
     */
    record Threw(String output, String exceptionClass, String message, int unitOffset,
                 boolean lastUnit, List<String> stackTrace) implements Outcome {}

    /** javac (or JShell's analysis) rejected a unit; nothing from that unit on ran. */
    record CompileError(String output, List<CodeProblem> problems) implements Outcome {}

    /** The limit passed; the agent was stopped, or killed if it did not stop within a second. */
    record TimedOut(String output, Duration limit, boolean agentKilled) implements Outcome {}

    /** The agent JVM ended while the snippet ran (System.exit, Runtime.halt, a crash, OOM kill). */
    record AgentDied(String output, String reason) implements Outcome {}

    /**
     * The snippet printed more than the limit; it was stopped.
     *
     * @param excerpt the first 100 lines of what it printed
     */
    record OutputLimitExceeded(String output, String excerpt, long limitBytes) implements Outcome {}

    /** Not evaluated because an earlier snippet of the topic lost the session. */
    record Skipped(String output, String reason) implements Outcome {}

    /**
     * Not evaluated because this machine cannot give the topic what it needs (its own network
     * namespace); the page shows the recorded output, marked as not verified here.
     */
    record Unavailable(String reason) implements Outcome {
        @Override
        public String output() {
            return "";
        }
    }

    /**
     * A compiler message for the snippet code.
     *
     * @param offset char offset into {@link SnippetJob#code()} where the problem starts
     */
    record CodeProblem(int offset, String message) {}
}
