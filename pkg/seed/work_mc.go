package seed

// mcWork is the work of the interns of the Military Cooperation Branch,
// supervised by Maj. Nowak and Lt Col. Ferreira.
var mcWork = []work{
	{"int_mc1", []task{ // Aisha Rahman, month 5
		{project: "ua", title: "Ukraine tailored support: map of the ongoing assistance packages", prio: urgent, est: 30, days: span{3, 30, 28}, tags: []string{"UA"}, steps: []step{
			note("Collected the documents of the Comprehensive Assistance Package and of the trust funds"),
			note("Mapped 12 packages: fuel, medical, demining, counter-drone, winter equipment, rehabilitation"),
			note("Added donors, amounts and delivery state for each package"),
			note("Map checked with the desk officer; delivery dates corrected for three packages"),
			review(),
			accept("Accepted. This becomes the tracker's baseline."),
		}},
		{project: "ua", title: "Monthly tracker update: fuel, medical and demining packages", prio: high, est: 6, days: span{32, 50, 48}, tags: []string{"UA"}, steps: []step{
			note("Updated the three packages from the donors' monthly returns"),
			note("Flagged the delay of the demining equipment; lead nation informed"),
			review(),
			accept(""),
		}},
		{project: "csc", title: "Concept review: compare the 2010 concept and the 2022 text", prio: high, est: 20, days: span{45, 90, 86}, tags: []string{"PfP"}, steps: []step{
			note("Set the 2010 and 2022 texts side by side; marked what was dropped, kept and added"),
			note("Drafted the comparison: cooperative security stays a core task, partners now seen by region"),
			noteAt(90, "Added what it means for the partnership tools; draft to Maj. Nowak"),
			review(),
			back("Good start — add what the partners themselves said in the 2023 consultations."),
			noteAt(100, "Added the 2023 partner consultations, with a box of quotes"),
			review(),
			accept("Accepted, well done."),
		}},
		{project: "ge", title: "Georgia: lessons for the Ukraine tracker", prio: low, est: 6, days: span{70, 86, 84}, tags: []string{"GE", "UA"}, steps: []step{
			note("Read the evaluations of the Substantial NATO–Georgia Package"),
			note("Drew five lessons for how we track delivery to Ukraine"),
			review(),
			accept(""),
		}},
		{project: "ua", title: "Partner needs assessment follow-up", prio: high, est: 12, days: span{88, 115, 104}, tags: []string{"UA"}, steps: []step{
			note("Listed the needs from the last assessment that no package covers yet"),
			note("Prepared the questions for the partner on next year's priorities"),
			block("Blocked: waiting for the partner's updated needs assessment; the liaison office in Kyiv expects it after the next ministerial"),
		}},
		{project: "csc", title: "Concept review: stakeholder interview plan", prio: medium, est: 8, days: span{95, 135, 118}, tags: []string{"PfP", "MD"}, steps: []step{
			note("Listed 18 stakeholders across the division, the partners' missions and the International Staff"),
			note("Interview plan drafted: questions, order, who interviews whom"),
			review(),
		}},
		{project: "ua", title: "Ukraine tracker: dashboard of package delivery status", prio: medium, est: 16, days: span{100, 140, 124}, tags: []string{"UA"}, steps: []step{
			note("Sketched the dashboard with Maj. Nowak: one line per package, traffic lights, next milestone"),
			note("Built the first version in the spreadsheet; 8 of the 12 packages in"),
			note("All 12 packages in; the traffic lights follow the delivery dates"),
		}},
		{project: "ua", title: "Brief for the division head on delivery gaps in the Ukraine packages", prio: high, est: 5, days: span{108, 118, 122}, tags: []string{"UA"}, steps: []step{
			note("Outlined the brief: three gaps, their causes, options"),
			note("Drafted the first gap (demining equipment); waiting for the lead nation's new delivery date"),
			remark("The head wants it before the ministerial — please send me what you have by Friday."),
		}},
	}},
	{"int_mc2", []task{ // Piotr Zielinski, month 4
		{project: "ge", title: "Interoperability programme: evaluation framework", prio: high, est: 20, days: span{4, 30, 28}, tags: []string{"GE", "PfP"}, steps: []step{
			note("Read the partnership goals for Georgia and the last two evaluation reports"),
			note("Drafted the evaluation framework: criteria, evidence, scoring"),
			note("Tested the framework on two partnership goals; simplified the scoring"),
			review(),
			accept("Accepted. Use it for the whole review."),
		}},
		{project: "survey", title: "Partner needs survey 2026: questionnaire draft", prio: urgent, est: 24, days: span{12, 50, 46}, tags: []string{"PfP", "MD", "ICI", "PAtG"}, steps: []step{
			note("Read the 2019 and 2022 surveys and their response rates"),
			note("Drafted 32 questions in five parts: priorities, tools, exercises, education, points of contact"),
			noteAt(90, "Cut to 24 questions after a pilot with two partners' missions"),
			review(),
			back("Good start — add a question on exercise participation and one on the partners' own resources."),
			noteAt(100, "Added the two questions; the questionnaire is final at 26 questions"),
			review(),
			accept("Accepted. Send it to Daniel for the French version."),
		}},
		{project: "ge", title: "Collect the partnership goals status for Georgia", prio: high, est: 16, days: span{30, 60, 56}, tags: []string{"GE", "PfP"}, steps: []step{
			note("Asked the Georgian mission for the status of the 23 partnership goals"),
			note("Received 17 answers; chased the missing six through the liaison officer"),
			note("All 23 in; status table done, with the evidence for each"),
			review(),
			accept(""),
		}},
		{project: "survey", title: "Survey: distribution list and national points of contact", prio: medium, est: 8, days: span{52, 75, 70}, tags: []string{"PfP", "MD", "ICI", "PAtG"}, steps: []step{
			note("Compiled the points of contact of the 41 partners from the missions' lists"),
			note("Confirmed 38 points of contact; three missions gave a generic address"),
			review(),
			accept(""),
		}},
		{project: "ge", title: "Interoperability review: releasable summary of the evaluation", prio: medium, est: 6, days: span{60, 80, 72}, tags: []string{"GE"}, steps: []step{
			note("Prepared a summary of the classified evaluation for release to Georgia"),
			block("Blocked: the evaluation is classified; waiting for the releasability decision before the summary can go to the partner"),
			remark("I asked the originator again. Keep going on the findings in the meantime."),
		}},
		{project: "ge", title: "Interoperability review: draft findings", prio: high, est: 30, days: span{80, 100, 100}, tags: []string{"GE", "PfP"}, steps: []step{
			note("Scored 12 of the 23 partnership goals with the framework"),
			note("Scored the remaining goals; findings on air defence and logistics drafted"),
			note("Drafted the findings on training and exercises; the annex waits for the releasable summary"),
		}},
		{project: "survey", title: "Survey: reminder round and response tracker", prio: medium, est: 6, days: span{86, 98, 104}, tags: []string{"PfP"}, steps: []step{
			note("Set up the response tracker: 41 partners, date sent, reminders, answers"),
			note("First reminder sent; responses from 14 of the 41 partners"),
		}},
	}},
	{"int_mc3", []task{ // Léa Fontaine, month 3
		{project: "csc", title: "OSCE structured dialogue briefing pack", prio: high, est: 18, days: span{5, 30, 27}, tags: []string{"OSCE", "RU"}, steps: []step{
			note("Collected the OSCE structured dialogue documents and the Vienna Document reports"),
			note("Drafted the background and the state of play since 2022"),
			note("Added the military-to-military contacts still open, and the talking points"),
			review(),
			accept("Accepted. A good, balanced pack."),
		}},
		{project: "csc", title: "Concept review: map of cooperative security tools by framework", prio: medium, est: 14, days: span{30, 55, 50}, tags: []string{"PfP", "MD", "ICI", "PAtG"}, steps: []step{
			note("Mapped the tools of each framework onto the three core tasks"),
			note("Map finished; shared with Chiara for the CPP tools study"),
			review(),
			accept(""),
		}},
		{project: "csc", title: "Russia: note on the channels of military communication", prio: high, est: 10, days: span{40, 58, 57}, tags: []string{"RU", "OSCE"}, steps: []step{
			note("Listed the channels still open: hotlines, the Vienna Document, the NATO–Russia Council format"),
			note("Drafted the section on risk reduction; waiting for the legal adviser's view on the Vienna Document"),
		}},
		{project: "ua", title: "Ukraine tracker: verify donor entries", prio: medium, est: 8, days: span{42, 70, 58}, tags: []string{"UA"}, steps: []step{
			note("Checked the donor entries of six packages against the trust fund reports"),
			note("Corrected 9 entries; all twelve packages checked"),
			review(),
		}},
		{project: "csc", title: "Concept review: annotated bibliography", prio: low, est: 6, days: span{48, 90, 60}, tags: []string{"PfP"}, steps: []step{
			note("Bibliography started: 24 sources, NATO documents and academic work"),
			note("Annotated the first 15 sources"),
		}},
		{project: "csc", title: "Concept review workshop: logistics and invitations", prio: low, days: span{58, 80, 0}},
	}},
	{"int_mc4", []task{ // Mateo García, month 2
		{project: "gcc", title: "GCC engagement concept: defence cooperation profiles of the member states", prio: high, est: 20, days: span{3, 25, 23}, tags: []string{"GCC", "ICI"}, steps: []step{
			note("Drafted the profiles of Bahrain, Kuwait, Qatar and the UAE as ICI partners"),
			note("Added Oman and Saudi Arabia, not in the ICI, from open sources"),
			note("Profiles reviewed with the desk officers; sources listed"),
			review(),
			accept("Accepted. Well done for a first product."),
		}},
		{project: "gcc", title: "Brief on the Istanbul Cooperation Initiative for new staff", prio: low, est: 4, days: span{10, 20, 18}, tags: []string{"ICI"}, steps: []step{
			note("Collected the 2004 Istanbul summit documents and the ICI Regional Centre course catalogue"),
			note("Two-page brief drafted, with the four ICI partners and what each takes part in"),
			review(),
			accept(""),
		}},
		{project: "gcc", title: "GCC engagement concept: outline and key messages", prio: high, est: 16, days: span{20, 50, 40}, tags: []string{"GCC"}, steps: []step{
			note("Outline agreed with Lt Col. Ferreira: aim, principles, lines of effort, resources"),
			note("Drafted the key messages for the meeting with the GCC secretariat"),
			remark("Good — add a line on the ICI Regional Centre in Kuwait."),
			reply("Added a paragraph on the ICI Regional Centre and its courses."),
		}},
		{project: "gcc", title: "ICI partners: capacity-building menu", prio: medium, est: 14, days: span{25, 55, 41}, tags: []string{"ICI", "GCC"}, steps: []step{
			note("Listed the courses and the expert support open to ICI partners"),
			note("Grouped the offer by area: maritime security, cyber defence, crisis management, defence education"),
		}},
		{project: "survey", title: "Survey: Gulf and ICI points of contact", prio: low, est: 3, days: span{35, 50, 0}, tags: []string{"ICI"}},
	}},
	{"int_mc5", []task{ // Sara Kovač, month 1
		{project: "ua", title: "Reading pack: the Comprehensive Assistance Package for Ukraine", prio: medium, est: 8, days: span{2, 9, 8}, tags: []string{"UA"}, steps: []step{
			note("Read the package documents and Aisha's map of the packages"),
			note("Summary notes done; listed my questions for Maj. Nowak"),
			review(),
			accept(""),
		}},
		{project: "ua", title: "Ukraine tracker: weekly update of delivery status", prio: high, est: 4, days: span{10, 30, 18}, tags: []string{"UA"}, steps: []step{
			note("First weekly update done with Aisha: two packages moved to delivered"),
			note("Second weekly update done on my own; one new delay flagged"),
		}},
		{project: "ua", title: "Tracker data quality check", prio: medium, est: 6, days: span{15, 35, 0}, tags: []string{"UA"}},
	}},
	{"int_mc6", []task{ // Daniel Okafor, month 2
		{project: "survey", title: "Partner needs survey: review of previous surveys", prio: medium, est: 10, days: span{3, 18, 16}, tags: []string{"PfP"}, steps: []step{
			note("Read the 2019 and 2022 survey reports: response rates of 54% and 61%"),
			note("Note on what worked: short questionnaires, follow-up through the missions"),
			review(),
			accept(""),
		}},
		{project: "survey", title: "Survey: French version of the questionnaire", prio: medium, est: 8, days: span{16, 42, 27}, tags: []string{"MD"}, steps: []step{
			note("Translated the first three parts of the questionnaire"),
			note("Translation finished; checked the terms against the NATO terminology database"),
			review(),
		}},
		{project: "survey", title: "Survey: first results for the Partners Across the Globe", prio: high, est: 16, days: span{20, 45, 32}, tags: []string{"PAtG"}, steps: []step{
			note("Set up the analysis sheet for the first answers"),
			note("Four of the nine PAtG partners answered; first trends drafted"),
		}},
		{project: "ge", title: "Georgia: follow-up of the NATO–Georgia Commission", prio: low, est: 4, days: span{22, 40, 30}, tags: []string{"GE"}, steps: []step{
			note("Listed the decisions of the last Commission meeting that concern the branch"),
			note("Drafted the follow-up table: 9 decisions with owners and deadlines"),
		}},
		{project: "survey", title: "Survey analysis plan", prio: medium, est: 12, days: span{30, 60, 0}, tags: []string{"PfP", "MD", "ICI", "PAtG"}},
	}},
}

// openWork is work not yet under way: a task waiting for the intern who
// starts next month, and tasks nobody has yet (days count from today).
var openWork = []work{
	{"int_cpp6", []task{ // Nikos Papadopoulos, starts next month
		{project: "un", title: "Onboarding: reading pack on UN and AU cooperation", prio: medium, est: 6, days: span{-3, 40, 0}, tags: []string{"UN", "AU"},
			desc: "For your first two weeks: the UN–NATO joint declarations, the AU training needs review and Jonas's map of UN training requests."},
	}},
	{"", []task{
		{project: "md", title: "MD activity plan: partner feedback round", prio: low, est: 6, days: span{-6, 30, 0}, tags: []string{"MD"}},
		{project: "ua", title: "Ukraine tracker: quarterly report to the board", prio: high, est: 10, days: span{-4, 25, -2}, tags: []string{"UA"}, steps: []step{
			remark("For Sara once the weekly updates run smoothly."),
		}},
		{project: "gcc", title: "GCC: agenda for the staff talks with the GCC secretariat", prio: medium, est: 6, days: span{-8, 14, 0}, tags: []string{"GCC"}},
		{project: "csc", title: "Concept review: synthesis of the stakeholder interviews", prio: medium, est: 20, days: span{-2, 45, 0}, tags: []string{"PfP", "MD"}},
	}},
}
