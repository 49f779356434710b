package dev.bakongpay.checkout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The HTML escaper")
class HtmlTest {
    @Test
    @DisplayName("turns markup characters into entities, so a script tag stays text")
    void markup() {
        assertThat(Html.escape("<script>alert('x')</script> & \"q\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    }

    @Test
    @DisplayName("keeps Khmer and plain text unchanged and reads null as empty")
    void plain() {
        assertThat(Html.escape("ហាង FINN SHOP")).isEqualTo("ហាង FINN SHOP");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    @DisplayName("replaces control characters with spaces")
    void controls() {
        assertThat(Html.escape("a\u0000b\u001bc")).isEqualTo("a b c");
    }
}
