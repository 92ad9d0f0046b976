/** Shape of the reports the crash-safety writers publish: big enough that a write takes a few ms. */
export const CRASH_REPORT = { sessions: 200, trends: 10, tools: 40, seminars: ['Crash A', 'Crash B'] };
