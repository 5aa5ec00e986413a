package dev.socknotes.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * {@link Bounded} for virtual threads. A virtual thread blocked on a socket does not sleep in a
 * system call: it parks, its carrier thread is free, and the socket is registered with the JDK's
 * poller (JEP 444). So "blocked" is read from the thread's state, {@code WAITING}, not from
 * {@code /proc}.
 */
public final class VirtualThreads {
    private VirtualThreads() {}

    /** Starts {@code body} in a new virtual thread; the call reports as {@link Bounded.Call} does. */
    public static Bounded.Call start(String what, Callable<?> body) {
        CompletableFuture<Object> future = new CompletableFuture<>();
        Thread t = Thread.ofVirtual().name(what).start(() -> {
            try {
                future.complete(body.call());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        });
        return new Bounded.Call(what, t, future);
    }

    /** Waits until the call's virtual thread is parked ({@code WAITING}) or has finished; false if neither within {@code max}. */
    public static boolean awaitParked(Bounded.Call call, Duration max) {
        Thread t = call.thread();
        return Waits.until(max, () -> t.getState() == Thread.State.WAITING || !t.isAlive());
    }
}
