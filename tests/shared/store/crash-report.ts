/** Shape of the reports the crash-safety writers publish: big enough that a write takes a few ms. */
export const CRASH_REPORT = { sessions: 120, trends: 8, tools: 30, seminars: ['Crash A', 'Crash B'] };
