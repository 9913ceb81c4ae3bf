package dev.gatehouse.web.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SignInNoticeTest {

  @Test
  void everyNoticeHasItsTextInBothLanguages() throws IOException {
    for (String bundle : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
      Properties texts = new Properties();
      try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/dev/gatehouse/web", bundle),
          StandardCharsets.UTF_8)) {
        texts.load(reader);
      }
      for (SignInNotice notice : SignInNotice.values()) {
        if (notice.messageKey != null) {
          assertTrue(texts.containsKey(notice.messageKey), bundle + " lacks " + notice.messageKey);
        }
      }
    }
  }

  @Test
  void rfc6585_4_whenAnAttemptIsThrottled_thenTheAnswerIs429() {
    assertEquals(429, SignInNotice.of(PasswordSignIn.Outcome.BUSY).status);
    assertEquals(429, SignInNotice.of(PasswordSignIn.Outcome.TOO_SOON).status);
    assertEquals(429, SignInNotice.of(PasswordSignIn.Outcome.ADDRESS_LOCKED).status);
    assertEquals(401, SignInNotice.of(PasswordSignIn.Outcome.REFUSED).status);
  }

  @Test
  void retryAfterIsInWholeSecondsRoundedUp() {
    assertEquals(2, new PasswordSignIn.Attempt(PasswordSignIn.Outcome.TOO_SOON,
        java.time.Duration.ofMillis(1001)).retryAfterSeconds());
    assertEquals(1, new PasswordSignIn.Attempt(PasswordSignIn.Outcome.BUSY, java.time.Duration.ZERO)
        .retryAfterSeconds());
  }
}
