package dev.listeningpost.digest.send;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Sends through Amazon SES v2 {@code SendEmail} as a Simple message with HTML and text bodies and the
 * email's extra header fields (Simple content's {@code Headers}, SDK 2.31+). SES builds the MIME and
 * sets its own Message-ID and Date (it overrides any given), so none is sent; the id it returns is
 * recorded in the send log.
 */
public class SesEmailSender implements EmailSender {
  private final SesV2Client ses;

  public SesEmailSender(SesV2Client ses) {
    this.ses = ses;
  }

  @Override
  public String send(OutgoingEmail email) {
    try {
      return ses.sendEmail(SendEmailRequest.builder()
          .fromEmailAddress(email.from())
          .destination(Destination.builder().toAddresses(email.to()).build())
          .content(EmailContent.builder().simple(Message.builder()
              .subject(utf8(email.subject()))
              .body(Body.builder().html(utf8(email.html())).text(utf8(email.text())).build())
              .headers(email.headers().stream()
                  .map(h -> MessageHeader.builder().name(h.name()).value(h.value()).build()).toList())
              .build()).build())
          .build()).messageId();
    } catch (SdkException e) {
      throw new EmailDeliveryException("SES did not accept the email for " + email.reference() + ": "
          + e.getClass().getSimpleName(), e);
    }
  }

  private static Content utf8(String s) {
    return Content.builder().charset(StandardCharsets.UTF_8.name()).data(s).build();
  }
}
