// Every project with the date it was last active: its end date, else its start date.
MATCH (j:Project)
RETURN j.id AS id, coalesce(j.endDate, j.startDate) AS lastActive
