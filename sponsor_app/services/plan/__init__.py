"""The settlement plan: tasks, check-ins, goals, indicator readings and the calendar."""
