package dev.socknotes.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A connected TCP pair over 127.0.0.1 on an ephemeral port, as Java sockets or as raw descriptors. */
public final class Loopback {
    private Loopback() {}

    /** Two connected {@link Socket}s; the listener is closed once it accepted. */
    public static JavaPair javaPair() {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            Socket server = listener.accept();
            return new JavaPair(client, server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two connected raw descriptors made with socket/bind/listen/connect/accept; the listener is closed. */
    public static RawPair rawPair() {
        int listener = checked(Libc.tcpSocket(), "socket");
        try {
            checked(Libc.bindLoopback(listener, 0), "bind");
            checked(Libc.listen(listener, 1), "listen");
            int client = checked(Libc.tcpSocket(), "socket");
            checked(Libc.connectLoopback(client, Libc.localPort(listener)), "connect");
            int server = checked(Libc.accept(listener), "accept");
            return new RawPair(client, server);
        } finally {
            Libc.close(listener);
        }
    }

    /** The call's value, or an exception naming the call and its errno. */
    static int checked(Ret r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + ": " + r);
        }
        return r.intValue();
    }

    /** A connected pair of Java sockets; close() closes both (closing a closed socket does nothing). */
    public record JavaPair(Socket client, Socket server) implements AutoCloseable {
        public int clientPort() {
            return client.getLocalPort();
        }

        public int serverPort() {
            return server.getLocalPort();
        }

        /** TCP state of the client's end, as the kernel reports it. */
        public String clientState() {
            return TcpState.describe(client.getLocalPort(), client.getPort());
        }

        /** TCP state of the server's end. */
        public String serverState() {
            return TcpState.describe(server.getLocalPort(), server.getPort());
        }

        @Override
        public void close() throws IOException {
            client.close();
            server.close();
        }
    }

    /**
     * A connected pair of descriptors. The ports are remembered at creation, so the connection's
     * state can still be looked up after the descriptors are closed.
     */
    public record RawPair(int client, int server, int clientPort, int serverPort) implements AutoCloseable {
        RawPair(int client, int server) {
            this(client, server, Libc.localPort(client), Libc.localPort(server));
        }

        public String clientState() {
            return TcpState.describe(clientPort, serverPort);
        }

        public String serverState() {
            return TcpState.describe(serverPort, clientPort);
        }

        /** Waits up to 5 s for the client's end to reach {@code state}; returns the state seen then. */
        public String awaitClientState(String state) {
            return TcpState.awaitAndDescribe(clientPort, serverPort, state, java.time.Duration.ofSeconds(5));
        }

        /** Waits up to 5 s for the server's end to reach {@code state}; returns the state seen then. */
        public String awaitServerState(String state) {
            return TcpState.awaitAndDescribe(serverPort, clientPort, state, java.time.Duration.ofSeconds(5));
        }

        /** Closes both descriptors; one already closed (EBADF) is fine. */
        @Override
        public void close() {
            Libc.close(client);
            Libc.close(server);
        }
    }
}
