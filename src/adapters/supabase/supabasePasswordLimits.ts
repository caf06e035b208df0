/**
 * The longest password Supabase Auth accepts: 72 bytes of UTF-8 (bcrypt's limit), whatever the
 * project's settings. The minimum length is a project setting (6 unless changed), so it is not
 * known here.
 */
export const SUPABASE_MAX_PASSWORD_BYTES = 72
