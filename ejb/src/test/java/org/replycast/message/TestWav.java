package org.replycast.message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A reply without video for tests, written without ffmpeg: a WAV file of a 440 Hz tone, mono 16-bit PCM. */
final class TestWav {

    private static final int RATE = 8000;

    private TestWav() {}

    static byte[] tone(int seconds) {
        int samples = RATE * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
        wav.putInt(RATE).putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            wav.putShort((short) (Math.sin(2 * Math.PI * 440 * i / RATE) * 8000));
        }
        return wav.array();
    }
}
