// SPDX-License-Identifier: GPL-2.0-or-later
// Berth's VNC client against a scripted RFB 3.8 server that misbehaves: every broken or
// oversized message must end that connection with a message, never crash or hang.
// Runs without QEMU (label unit, also under ASan/UBSan).
#include "ui/display/vncdisplay.h"

#include <QElapsedTimer>
#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <csignal>
#include <sys/socket.h>

using namespace Qt::Literals::StringLiterals;

namespace {

QByteArray be16(quint16 v)
{
    QByteArray b(2, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray be32(quint32 v)
{
    QByteArray b(4, '\0');
    qToBigEndian(v, b.data());
    return b;
}

QByteArray rectHeader(quint16 x, quint16 y, quint16 w, quint16 h, qint32 encoding)
{
    return be16(x) + be16(y) + be16(w) + be16(h) + be32(quint32(encoding));
}

QByteArray updateHeader(quint16 rects)
{
    return QByteArray("\x00\x00", 2) + be16(rects);
}

} // namespace

class TestVncHostile final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString socketPath() const { return m_dir.filePath(u"vnc.sock"_s); }

    static bool readExactly(QLocalSocket *s, qint64 n)
    {
        while (s->bytesAvailable() < n) {
            if (!s->waitForReadyRead(5000))
                return false;
        }
        s->read(n);
        return true;
    }

    /// Listens, lets @p display connect and plays the server's side of the RFB 3.8
    /// handshake (no security) up to ServerInit announcing a @p w x @p h screen called
    /// @p name. Returns the connection, owned by @p server, or null when the client stopped
    /// answering.
    QLocalSocket *acceptClient(QLocalServer &server, VncDisplay &display, quint16 w, quint16 h,
                               const QByteArray &name)
    {
        QLocalServer::removeServer(socketPath());
        if (!server.listen(socketPath()))
            qFatal("cannot listen on %s", qPrintable(socketPath()));
        display.open(socketPath());
        if (!server.waitForNewConnection(5000))
            return nullptr;
        QLocalSocket *s = server.nextPendingConnection();
        s->write("RFB 003.008\n");
        s->flush();
        if (!readExactly(s, 12))
            return nullptr;
        s->write(QByteArray("\x01\x01", 2)); // one security type: None
        s->flush();
        if (!readExactly(s, 1))
            return nullptr;
        s->write(be32(0)); // SecurityResult OK
        s->flush();
        if (!readExactly(s, 1)) // ClientInit
            return nullptr;
        const QByteArray pixelFormat(
            "\x20\x18\x00\x01\x00\xff\x00\xff\x00\xff\x10\x08\x00\x00\x00\x00", 16);
        s->write(be16(w) + be16(h) + pixelFormat + be32(quint32(name.size())) + name);
        return s;
    }

    /// Serves one client: the handshake announcing a @p w x @p h screen, then @p payload;
    /// closes the connection afterwards when @p close is set. Returns the display's final
    /// status.
    RemoteDisplay::Status serve(VncDisplay &display, quint16 w, quint16 h,
                                const QByteArray &payload, bool close)
    {
        QLocalServer server;
        QLocalSocket *s = acceptClient(server, display, w, h, "evil");
        if (!s)
            return display.status();
        s->write(payload);
        s->flush();
        if (close) {
            s->waitForBytesWritten(1000);
            s->disconnectFromServer();
        }
        [[maybe_unused]] const bool failed = QTest::qWaitFor(
            [&] { return display.status() == RemoteDisplay::Status::Failed; }, 10000);
        return display.status();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void validFrameArrives()
    {
        // The fake server itself speaks correct RFB: a 4x2 raw rectangle lands exactly.
        VncDisplay display;
        QSignalSpy updated(&display, &RemoteDisplay::frameUpdated);
        QByteArray pixels;
        for (int i = 0; i < 8; ++i)
            pixels += QByteArray("\x00\x00\xff\x00", 4); // little-endian 0x00ff0000: red
        QLocalServer server;
        QLocalSocket *s = acceptClient(server, display, 8, 4, "ok");
        QVERIFY(s);
        s->write(updateHeader(1) + rectHeader(2, 1, 4, 2, 0) + pixels);
        s->flush();
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 5000);
        QCOMPARE(updated.first().first().toRect(), QRect(2, 1, 4, 2));
        const QImage frame = display.frame();
        QCOMPARE(frame.size(), QSize(8, 4));
        QCOMPARE(frame.pixel(2, 1), qRgb(255, 0, 0));
        QCOMPARE(frame.pixel(5, 2), qRgb(255, 0, 0));
        QCOMPARE(frame.pixel(0, 0), qRgb(0, 0, 0));
        QCOMPARE(display.status(), RemoteDisplay::Status::Connected);
        display.close();
    }

    void followsNewDesktopSize()
    {
        // A server that changes resolution (NewFBSize pseudo-rectangle, then pixels).
        VncDisplay display;
        QSignalSpy resized(&display, &RemoteDisplay::frameResized);
        QSignalSpy updated(&display, &RemoteDisplay::frameUpdated);
        QLocalServer server;
        QLocalSocket *s = acceptClient(server, display, 8, 4, "ok");
        QVERIFY(s);
        QByteArray pixels;
        for (int i = 0; i < 16 * 8; ++i)
            pixels += QByteArray("\xff\x00\x00\x00", 4); // blue
        s->write(updateHeader(2) + rectHeader(0, 0, 16, 8, -223) + rectHeader(0, 0, 16, 8, 0) +
                 pixels);
        s->flush();
        QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty(), 5000);
        QCOMPARE(resized.last().first().toSize(), QSize(16, 8));
        QCOMPARE(display.frame().size(), QSize(16, 8));
        QCOMPARE(display.frame().pixel(15, 7), qRgb(0, 0, 255));
        display.close();
    }

    void hostile_data()
    {
        QTest::addColumn<quint16>("width");
        QTest::addColumn<quint16>("height");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("close");

        QTest::newRow("huge framebuffer")
            << quint16(65535) << quint16(65535) << QByteArray() << false;
        QTest::newRow("empty framebuffer") << quint16(0) << quint16(0) << QByteArray() << false;
        // Larger than QEMU's VNC server ever makes (5120x2160): not a QEMU.
        QTest::newRow("wider than QEMU") << quint16(5121) << quint16(16) << QByteArray() << false;
        QTest::newRow("taller than QEMU") << quint16(16) << quint16(2161) << QByteArray() << false;
        QTest::newRow("much wider than QEMU")
            << quint16(9000) << quint16(2000) << QByteArray() << false;
        QTest::newRow("rectangle outside the framebuffer")
            << quint16(64) << quint16(64)
            << updateHeader(1) + rectHeader(60000, 60000, 100, 100, 0) + QByteArray(4096, 'x')
            << false;
        QTest::newRow("rectangle overlapping the edge")
            << quint16(64) << quint16(64)
            << updateHeader(1) + rectHeader(60, 60, 10, 10, 0) + QByteArray(400, 'x') << false;
        QTest::newRow("bogus encoding")
            << quint16(64) << quint16(64) << updateHeader(1) + rectHeader(0, 0, 8, 8, 0x7777)
            << false;
        QTest::newRow("truncated raw rectangle")
            << quint16(64) << quint16(64)
            << updateHeader(1) + rectHeader(0, 0, 32, 32, 0) + QByteArray(100, 'x') << true;
        QTest::newRow("truncated header")
            << quint16(64) << quint16(64) << QByteArray("\x00\x00\x00", 3) << true;
        QTest::newRow("giant ServerCutText")
            << quint16(64) << quint16(64)
            << QByteArray("\x03\x00\x00\x00", 4) + be32(0xfffffff0u) + QByteArray(64, 'a') << false;
        QTest::newRow("unknown message type")
            << quint16(64) << quint16(64) << QByteArray("\xee", 1) + QByteArray(300, 'u') << false;
        QTest::newRow("new size too large")
            << quint16(64) << quint16(64) << updateHeader(1) + rectHeader(0, 0, 65000, 65000, -223)
            << false;
        QTest::newRow("many rectangles then close")
            << quint16(64) << quint16(64)
            << updateHeader(65535) + rectHeader(0, 0, 1, 1, 0) + QByteArray(4, 'x') << true;
    }

    void hostile()
    {
        QFETCH(quint16, width);
        QFETCH(quint16, height);
        QFETCH(QByteArray, payload);
        QFETCH(bool, close);
        VncDisplay display;
        QCOMPARE(serve(display, width, height, payload, close), RemoteDisplay::Status::Failed);
        QVERIFY(!display.errorString().isEmpty());
        qInfo("%s", qPrintable(display.errorString()));
        // The display is usable again afterwards.
        display.close();
        QCOMPARE(display.status(), RemoteDisplay::Status::Disconnected);
    }

    void brokenPipe()
    {
        // The server stops reading (as a QEMU that is going away does) yet still sends a
        // complete update. The client's next write -- its request for the following update
        // -- meets a broken pipe. That must end the connection with a message, not raise a
        // SIGPIPE that kills this whole process.
        VncDisplay display;
        QLocalServer server;
        QLocalSocket *s = acceptClient(server, display, 8, 4, "going");
        QVERIFY(s);
        QCOMPARE(::shutdown(int(s->socketDescriptor()), SHUT_RD), 0);
        // SIGPIPE's default action ends the process, as in any program that embeds the
        // display. (Qt ignores SIGPIPE once its first socket is made: undo that here.)
        std::signal(SIGPIPE, SIG_DFL);
        QByteArray pixels(8 * 4 * 4, '\x40');
        s->write(updateHeader(1) + rectHeader(0, 0, 8, 4, 0) + pixels);
        s->flush();
        QTRY_COMPARE_WITH_TIMEOUT(display.status(), RemoteDisplay::Status::Failed, 10'000);
        QVERIFY(!display.errorString().isEmpty());
    }

    void nothingListening()
    {
        VncDisplay display;
        display.open(m_dir.filePath(u"nobody.sock"_s));
        QTRY_COMPARE_WITH_TIMEOUT(display.status(), RemoteDisplay::Status::Failed, 5000);
        QVERIFY(display.errorString().contains(u"nobody.sock"_s));
    }

    void closeWhileHandshaking()
    {
        // A server that accepts and says nothing: close() must not wait for it.
        QLocalServer server;
        QLocalServer::removeServer(socketPath());
        QVERIFY(server.listen(socketPath()));
        QElapsedTimer t;
        t.start();
        {
            VncDisplay display;
            display.open(socketPath());
            QVERIFY(server.waitForNewConnection(5000));
            QTest::qWait(100);
            display.close();
        } // the destructor joins the worker
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestVncHostile)
#include "tst_vnchostile.moc"
