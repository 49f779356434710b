package dev.bakongpay.core.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminTokenTest {
    private static final String TOKEN = "adm_0123456789abcdefghijklmn";

    @Test
    void acceptsOnlyTheBearerOfThisToken() {
        AdminToken token = AdminToken.of(TOKEN);
        assertTrue(token.acceptsAuthorization("Bearer " + TOKEN));
        assertTrue(token.acceptsAuthorization("bearer " + TOKEN));
        assertFalse(token.acceptsAuthorization(null));
        assertFalse(token.acceptsAuthorization("Bearer "));
        assertFalse(token.acceptsAuthorization("Basic " + TOKEN));
        assertFalse(token.acceptsAuthorization("Bearer " + TOKEN + "x"));
        assertFalse(token.acceptsAuthorization("Bearer bk_live_0123456789abcdef"));
    }

    @Test
    void neverShowsTheTokenItself() {
        AdminToken token = AdminToken.of(TOKEN);
        assertFalse(token.toString().contains(TOKEN));
        assertTrue(token.credentialId().matches("admin:[0-9a-f]{8}"), token.credentialId());
        assertEquals(token.credentialId(), AdminToken.of(TOKEN).credentialId());
    }

    @Test
    void refusesAShortToken() {
        assertThrows(IllegalArgumentException.class, () -> AdminToken.of("short"));
    }
}
