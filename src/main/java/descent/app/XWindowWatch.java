package descent.app;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Hears when the window's X11 window is destroyed by someone else ({@code xdotool windowclose}, a
 * crashed window manager, an X client killing it). JavaFX 21 on GTK never learns of it: GDK prints
 * "GdkWindow … unexpectedly destroyed", but the stage stays "showing", no event reaches Java, and
 * the JVM lives on with no window (ADR 0037). So this opens a connection of its own to the X server
 * (its Unix socket, with the user's MIT-MAGIC-COOKIE-1 from {@code XAUTHORITY} or {@code
 * ~/.Xauthority}), asks for the window's structure events, and blocks on a daemon thread until the
 * server says the window was destroyed. It costs nothing while it waits.
 *
 * <p>Only the X11 protocol's connection set-up, one ChangeWindowAttributes request and the 32-byte
 * events are used. Where there is no X11 (Windows, macOS, a TCP display, Monocle) it does nothing.
 */
final class XWindowWatch {
  private static final int DESTROY_NOTIFY = 17;
  private static final int BAD_WINDOW = 3;
  private static final int STRUCTURE_NOTIFY_MASK = 1 << 17;
  private static final int CW_EVENT_MASK = 1 << 11;

  private XWindowWatch() {}

  /**
   * Watches X11 window {@code xid} on {@code display} (e.g. {@code ":0"}) and runs {@code
   * destroyed} on a daemon thread once it is destroyed, or was already gone.
   *
   * @return false if there is nothing to watch with: no such socket, refused, or not X11
   */
  static boolean watch(String display, long xid, Runnable destroyed) {
    Optional<Path> socket = socket(display);
    if (socket.isEmpty() || !Files.exists(socket.get())) {
      return false;
    }
    SocketChannel channel;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(UnixDomainSocketAddress.of(socket.get()));
      if (!setUp(channel, display)) {
        channel.close();
        return false;
      }
      write(channel, changeEventMask(xid));
    } catch (IOException | RuntimeException e) {
      return false;
    }
    Thread t =
        new Thread(
            () -> {
              try (channel) {
                if (waitForDestroy(channel, xid)) {
                  destroyed.run();
                }
              } catch (IOException e) {
                // the connection closed: the server went, and the toolkit with it
              }
            },
            "descent-x11-watch");
    t.setDaemon(true);
    t.start();
    return true;
  }

  /**
   * Watches {@code title}'s window, when the app runs on a local X11 display, and runs {@code
   * destroyed} once someone else destroys it. Call on the FX thread, once the window shows.
   */
  static boolean watchWindow(String title, Runnable destroyed) {
    String display = System.getenv("DISPLAY");
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")
        || socket(display).isEmpty()) {
      return false;
    }
    long xid = nativeWindow(title);
    return xid != 0 && watch(display, xid, destroyed);
  }

  /** The X11 window of the window called {@code title}, through Glass, or 0. FX thread. */
  private static long nativeWindow(String title) {
    try {
      Class<?> glass = Class.forName("com.sun.glass.ui.Window");
      for (Object w : (java.util.List<?>) glass.getMethod("getWindows").invoke(null)) {
        if (title.equals(glass.getMethod("getTitle").invoke(w))) {
          return (long) glass.getMethod("getNativeWindow").invoke(w);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      // another toolkit, or Glass's internals closed to us: nothing to watch with
    }
    return 0;
  }

  /** The Unix socket of a local display such as {@code ":0"} or {@code ":23.0"}. */
  static Optional<Path> socket(String display) {
    if (display == null || !display.startsWith(":")) {
      return Optional.empty(); // a TCP display, or none
    }
    String number = displayNumber(display);
    return number.isEmpty() || !number.chars().allMatch(Character::isDigit)
        ? Optional.empty()
        : Optional.of(Path.of("/tmp/.X11-unix/X" + number));
  }

  private static String displayNumber(String display) {
    String n = display.substring(1);
    int dot = n.indexOf('.');
    return dot < 0 ? n : n.substring(0, dot);
  }

  /** The connection set-up, with the display's cookie if there is one; true if accepted. */
  private static boolean setUp(SocketChannel channel, String display) throws IOException {
    byte[][] cookie = Xauthority.cookie(displayNumber(display));
    byte[] name = cookie == null ? new byte[0] : cookie[0];
    byte[] data = cookie == null ? new byte[0] : cookie[1];
    ByteBuffer b =
        ByteBuffer.allocate(12 + pad(name.length) + pad(data.length))
            .order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 'l').put((byte) 0).putShort((short) 11).putShort((short) 0);
    b.putShort((short) name.length).putShort((short) data.length).putShort((short) 0);
    b.put(name).position(12 + pad(name.length));
    b.put(data).position(b.capacity());
    write(channel, b);
    ByteBuffer head = read(channel, 8);
    int status = head.get(0);
    int more = Short.toUnsignedInt(head.getShort(6)) * 4;
    read(channel, more); // the server's description: not needed
    return status == 1;
  }

  /** ChangeWindowAttributes(xid, event-mask = StructureNotify). */
  static ByteBuffer changeEventMask(long xid) {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 2).put((byte) 0).putShort((short) 4);
    b.putInt((int) xid).putInt(CW_EVENT_MASK).putInt(STRUCTURE_NOTIFY_MASK);
    return b.flip();
  }

  /**
   * Reads events until {@code xid} is destroyed (true), or the window was already gone when we
   * asked for its events (BadWindow, true).
   */
  private static boolean waitForDestroy(SocketChannel channel, long xid) throws IOException {
    while (true) {
      ByteBuffer e = read(channel, 32);
      int type = e.get(0) & 0x7f;
      if (type == 0) { // an error: BadWindow means the window is gone already
        if (e.get(1) == BAD_WINDOW && Integer.toUnsignedLong(e.getInt(4)) == xid) {
          return true;
        }
      } else if (type == 1) { // a reply (none asked for): skip its extra words
        read(channel, e.getInt(4) * 4);
      } else if (type == DESTROY_NOTIFY && Integer.toUnsignedLong(e.getInt(8)) == xid) {
        return true;
      }
    }
  }

  private static int pad(int n) {
    return (n + 3) & ~3;
  }

  private static void write(SocketChannel channel, ByteBuffer b) throws IOException {
    if (b.position() != 0) {
      b.flip();
    }
    while (b.hasRemaining()) {
      channel.write(b);
    }
  }

  private static ByteBuffer read(SocketChannel channel, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (channel.read(b) < 0) {
        throw new IOException("the X server closed the connection");
      }
    }
    return b.flip();
  }

  /** The user's X authority file: the MIT-MAGIC-COOKIE-1 of a local display. */
  static final class Xauthority {
    private static final int FAMILY_LOCAL = 256;
    private static final int FAMILY_WILD = 65535;

    private Xauthority() {}

    /** {name, data} of the cookie for local display {@code number}, or null if there is none. */
    static byte[][] cookie(String number) {
      String env = System.getenv("XAUTHORITY");
      Path file =
          env != null && !env.isBlank()
              ? Path.of(env)
              : Path.of(System.getProperty("user.home", "."), ".Xauthority");
      try {
        return Files.isRegularFile(file) ? cookie(Files.readAllBytes(file), number) : null;
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    /** The cookie for display {@code number} in the bytes of an authority file, or null. */
    static byte[][] cookie(byte[] file, String number) {
      ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.BIG_ENDIAN);
      while (b.remaining() >= 2) {
        int family = Short.toUnsignedInt(b.getShort());
        b.get(field(b)); // the host: one machine, one file
        String display = new String(field(b, true), StandardCharsets.US_ASCII);
        byte[] name = field(b, true);
        byte[] data = field(b, true);
        boolean local = family == FAMILY_LOCAL || family == FAMILY_WILD;
        if (local
            && (display.isEmpty() || display.equals(number))
            && "MIT-MAGIC-COOKIE-1".equals(new String(name, StandardCharsets.US_ASCII))) {
          return new byte[][] {name, data};
        }
      }
      return null;
    }

    private static byte[] field(ByteBuffer b) {
      return new byte[Short.toUnsignedInt(b.getShort())];
    }

    private static byte[] field(ByteBuffer b, boolean read) {
      byte[] f = field(b);
      b.get(f);
      return f;
    }
  }
}
