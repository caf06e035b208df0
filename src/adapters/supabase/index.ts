/**
 * The Supabase adapter: `import { createSupabaseAdapter } from 'reset-kit/supabase'`.
 * @packageDocumentation
 */
export { createSupabaseAdapter } from './createSupabaseAdapter'
export { mapSupabaseError, supabaseErrorCode } from './mapSupabaseError'
export type { SupabaseErrorBody, SupabaseResetStep } from './mapSupabaseError'
export type { SupabaseAdapterOptions, SupabaseSession } from './SupabaseAdapterOptions'
export { SUPABASE_MAX_PASSWORD_BYTES } from './supabasePasswordLimits'
