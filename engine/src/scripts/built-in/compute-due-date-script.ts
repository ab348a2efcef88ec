import { z } from 'zod'
import { defineScript } from '../script-types.js'
import { fieldParam } from '../ticket-field.js'

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

const workdaySchema = z
  .strictObject({
    start: z.number().int().min(0).max(23).default(8).describe('first working hour (UTC)'),
    end: z.number().int().min(1).max(24).default(17).describe('end of the working day (UTC, exclusive)'),
  })
  .refine((w) => w.start < w.end, { message: 'the working day must start before it ends' })

/**
 * Writes a due date `businessDays` working days and `businessHours` working hours from now into a
 * Date/DateTime dynamic field or `PendingTime`, skipping Saturdays and Sundays. Times are UTC.
 */
export const computeDueDateScript = defineScript({
  name: 'compute-due-date',
  description: 'Writes a due date N business days and/or hours from now (skipping weekends, UTC) into a date field or PendingTime',
  params: z.strictObject({
    field: fieldParam('a Date or DateTime dynamic field, or PendingTime'),
    businessDays: z.number().int().min(0).max(3650).default(0),
    businessHours: z.number().min(0).max(100_000).default(0),
    workday: workdaySchema.default({ start: 8, end: 17 }),
    format: z.enum(['date', 'datetime']).default('datetime').describe('`date` writes YYYY-MM-DD, `datetime` an ISO 8601 instant'),
  }),
  run(params, ctx) {
    let due = addBusinessDays(ctx.now, params.businessDays)
    if (params.businessHours > 0) due = addBusinessHours(due, params.businessHours, params.workday)
    const iso = due.toISOString()
    return { [params.field]: params.format === 'date' ? iso.slice(0, 10) : iso }
  },
})

/** `days` weekdays after `from`, at the same time of day. */
export function addBusinessDays(from: Date, days: number): Date {
  let t = from.getTime()
  for (let left = days; left > 0; ) {
    t += DAY
    if (!isWeekend(t)) left -= 1
  }
  return new Date(t)
}

/** `hours` working hours after `from`, counting only the working day of weekdays. */
export function addBusinessHours(from: Date, hours: number, workday: { start: number; end: number }): Date {
  let t = alignToWorkingTime(from.getTime(), workday)
  let minutes = Math.round(hours * 60)
  while (minutes > 0) {
    const available = (dayStart(t) + workday.end * 60 * MINUTE - t) / MINUTE
    if (minutes <= available) return new Date(t + minutes * MINUTE)
    minutes -= available
    t = alignToWorkingTime(dayStart(t) + DAY, workday)
  }
  return new Date(t)
}

function alignToWorkingTime(t: number, workday: { start: number; end: number }): number {
  let day = dayStart(t)
  const start = (d: number): number => d + workday.start * 60 * MINUTE
  if (t >= day + workday.end * 60 * MINUTE) day += DAY
  else if (!isWeekend(day)) return Math.max(t, start(day))
  while (isWeekend(day)) day += DAY
  return start(day)
}

function dayStart(t: number): number {
  return t - (((t % DAY) + DAY) % DAY)
}

function isWeekend(t: number): boolean {
  const weekday = new Date(t).getUTCDay()
  return weekday === 0 || weekday === 6
}
