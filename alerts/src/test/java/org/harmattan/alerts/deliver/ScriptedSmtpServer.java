package org.harmattan.alerts.deliver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A small SMTP server on a free loopback port that answers the end of each message's data with the
 * next reply of a script (then {@code 250}), and keeps every message it was sent, accepted or not:
 * a real receiver for the replies GreenMail does not give (451, 550 after DATA). One connection at
 * a time, which is all a sender opens.
 */
final class ScriptedSmtpServer implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread thread;
  private final ConcurrentLinkedQueue<String> dataReplies = new ConcurrentLinkedQueue<>();
  private final List<String> messages = Collections.synchronizedList(new ArrayList<>());

  ScriptedSmtpServer(String... dataReplies) throws IOException {
    this.dataReplies.addAll(List.of(dataReplies));
    this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    this.thread = new Thread(this::serve, "scripted-smtp");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  int port() {
    return socket.getLocalPort();
  }

  /** Every message's data as received, in order, the accepted and the refused. */
  List<String> messages() {
    synchronized (messages) {
      return List.copyOf(messages);
    }
  }

  private void serve() {
    while (!socket.isClosed()) {
      try (Socket s = socket.accept()) {
        s.setSoTimeout(10_000);
        converse(s);
      } catch (IOException e) {
        // Closed by close(), and the loop ends; or the client went away, and the next one is
        // served.
      }
    }
  }

  private void converse(Socket s) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = s.getOutputStream();
    reply(out, "220 scripted ESMTP");
    String line;
    while ((line = in.readLine()) != null) {
      String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
      switch (verb) {
        case "EHLO" -> reply(out, "250-scripted\r\n250 HELP");
        case "DATA" -> {
          reply(out, "354 end data with <CR><LF>.<CR><LF>");
          StringBuilder data = new StringBuilder();
          String d;
          while ((d = in.readLine()) != null && !d.equals(".")) {
            data.append(d.startsWith("..") ? d.substring(1) : d).append('\n');
          }
          messages.add(data.toString());
          String r = dataReplies.poll();
          reply(out, r == null ? "250 2.0.0 queued" : r);
        }
        case "QUIT" -> {
          reply(out, "221 bye");
          return;
        }
        default -> reply(out, "250 OK");
      }
    }
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
