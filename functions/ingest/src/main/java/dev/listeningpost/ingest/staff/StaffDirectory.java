package dev.listeningpost.ingest.staff;

/** Decides whether an author speaks for the brand (staff) or is a community member. */
public interface StaffDirectory {

  /**
   * @param channel  channel name
   * @param source   source within the channel, may be null
   * @param authorId platform user id, may be null
   * @param handle   user name / login, may be null
   * @param email    e-mail address where the payload has one, may be null
   */
  boolean isStaff(String channel, String source, String authorId, String handle, String email);
}
