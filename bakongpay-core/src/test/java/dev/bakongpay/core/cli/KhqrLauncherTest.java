package dev.bakongpay.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("java -jar bakongpay-core-VERSION.jar finds the codec's jar of its version")
class KhqrLauncherTest {

    @TempDir
    Path root;

    Path touch(String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.createFile(file);
    }

    @Test
    @DisplayName("in the reactor: bakongpay-khqr/target/ next to bakongpay-core/target/")
    void reactor() throws IOException {
        Path core = touch("bakongpay-core/target/bakongpay-core-1.2.3-SNAPSHOT.jar");
        Path khqr = touch("bakongpay-khqr/target/bakongpay-khqr-1.2.3-SNAPSHOT.jar");
        assertThat(KhqrLauncher.khqrJar(core)).isEqualTo(khqr);
    }

    @Test
    @DisplayName("in a Maven repository: bakongpay-khqr/VERSION/ next to bakongpay-core/VERSION/")
    void repository() throws IOException {
        Path core = touch("dev/bakongpay/bakongpay-core/1.2.3/bakongpay-core-1.2.3.jar");
        Path khqr = touch("dev/bakongpay/bakongpay-khqr/1.2.3/bakongpay-khqr-1.2.3.jar");
        assertThat(KhqrLauncher.khqrJar(core)).isEqualTo(khqr);
    }

    @Test
    @DisplayName("copied side by side into one directory")
    void sideBySide() throws IOException {
        Path core = touch("lib/bakongpay-core-1.2.3.jar");
        Path khqr = touch("lib/bakongpay-khqr-1.2.3.jar");
        assertThat(KhqrLauncher.khqrJar(core)).isEqualTo(khqr);
    }

    @Test
    @DisplayName("never another version, and nothing when it is missing")
    void sameVersionOnly() throws IOException {
        Path core = touch("lib/bakongpay-core-1.2.3.jar");
        touch("lib/bakongpay-khqr-1.2.4.jar");
        assertThat(KhqrLauncher.khqrJar(core)).isNull();
        assertThat(KhqrLauncher.khqrJar(root.resolve("lib/renamed.jar"))).isNull();
    }
}
