//! The API table: one row per operation, folded into the router (`routes.rs`) and into the
//! OpenAPI document (`openapi.rs`). Adding an operation is adding a row here; a route cannot
//! exist without its description, nor a description without its route.

use super::op::Method::{Delete, Get, Post, Put};
use super::op::Param::{Bool, Count, Int, OneOf, Text};
use super::op::{ApiOp, op};
use super::{
    asks, careers, coach, compass, conversations, curated, customers, directions, guides, imports,
    me, notifications, openapi, opportunities, people, pilots, placements, plans, proposals, roles,
    settings, skills, teams,
};

/// Every operation of the API, in the order the document lists them.
pub fn all() -> Vec<ApiOp> {
    vec![
        op(Get, "/me", me::me)
            .summary("The caller: person and access roles")
            .ok("Me"),
        op(Get, "/notifications", notifications::list)
            .summary("The caller's notifications, newest first, 20 a page, with how many are unread")
            .query(&[("page", Int)])
            .ok("NotificationList"),
        op(Post, "/notifications/{id}/read", notifications::read)
            .summary("Mark one of the caller's notifications read (anyone else's: 404); answers it, with what it leads to")
            .ok("Notification"),
        op(Post, "/notifications/read-all", notifications::read_all)
            .summary("Mark every notification of the caller read; answers how many were unread")
            .ok("NotificationsMarked"),
        op(Get, "/notifications/preferences", notifications::preferences)
            .summary("Where each kind of the caller's notifications goes (product, email, digest or off), chosen or the kind's default")
            .ok("NotificationPreferences"),
        op(Put, "/notifications/preferences", notifications::set_preference)
            .summary("Choose where one kind goes (off: nothing is created); answers every kind's channel")
            .json("NotificationPreferenceBody")
            .ok("NotificationPreferences"),
        op(Get, "/people", people::list)
            .summary("Search or list active people (name, title, team, location, shared skills); talent admins also get employee_id and email and may filter by them exactly (employee_id, email in any case; 403 for anyone else; not with q)")
            .query(&[("q", Text), ("page", Int), ("per_page", Int), ("employee_id", Text), ("email", Text)])
            .ok("PersonPage")
            .also(&[403]),
        op(Get, "/people/{id}", people::get)
            .summary("A person, with only the sections shared with the caller")
            .ok("PersonView"),
        op(Get, "/teams", teams::list)
            .summary("The team tree with head counts")
            .ok("TeamTree"),
        op(Get, "/teams/{id}", teams::get)
            .summary("A team, its members and sub-teams")
            .ok("TeamView"),
        op(Get, "/roles", roles::list)
            .summary("Search the role catalogue by title or alternate title")
            .query(&[("q", Text), ("limit", Count)])
            .ok("RoleList"),
        op(Post, "/roles", roles::create)
            .summary("Add an organisation role")
            .admin()
            .json("NewRoleBody")
            .created("OrgRole"),
        op(Get, "/roles/{code}", roles::get)
            .summary("A role: description, tasks, skills, knowledge, work values, interests")
            .ok("Role"),
        op(Get, "/roles/{code}/moves", careers::moves)
            .summary("Best next moves from a role, each up, sideways or across, with skills carried and to gain")
            .query(&[("top", Count)])
            .ok("Moves"),
        op(Get, "/targets", careers::targets)
            .summary("Roles the caller might aim for from their own role: those named in their compass, then reachable roles in the order their top-ranked factor favours, with the reason")
            .ok("Targets"),
        op(Get, "/paths", careers::paths)
            .summary("Best paths of up to four moves between two roles, each step with its skill gaps and what the caller may see that could close them (directions, opportunities, pilots, mentors)")
            .query(&[("from", Text), ("to", Text), ("k", Count)])
            .ok("Paths"),
        op(Get, "/curated-moves", curated::list)
            .summary("Moves between roles added, hidden or annotated by talent admins, with role titles")
            .admin()
            .ok("CuratedMoveList"),
        op(Post, "/curated-moves", curated::create)
            .summary("Curate a move: add it (pinned first), hide it (remove) or annotate it with a note; one per pair of roles (409 when the pair is curated already)")
            .admin()
            .json("CuratedMoveBody")
            .created("CuratedMoveLine")
            .also(&[409]),
        op(Put, "/curated-moves/{id}", curated::update)
            .summary("Change the note of a curated move")
            .admin()
            .json("CuratedNoteBody")
            .ok("CuratedMoveLine"),
        op(Delete, "/curated-moves/{id}", curated::delete)
            .summary("Remove a curated move; the map goes back to its own suggestion (204)")
            .admin()
            .no_content(),
        op(Get, "/skills", skills::list)
            .summary("Search the skills taxonomy")
            .query(&[("q", Text), ("limit", Count)])
            .ok("SkillList"),
        op(Post, "/skills", skills::create)
            .summary("Add an organisation skill")
            .admin()
            .json("NewSkillBody")
            .created("Skill"),
        op(Get, "/imports", imports::list)
            .summary("Past imports")
            .admin()
            .ok("ImportRuns"),
        op(Post, "/imports", imports::create)
            .summary("Import people from a CSV or JSON body; all or nothing")
            .admin()
            .query(&[("dry_run", Bool), ("deactivate_missing", Bool), ("format", OneOf(&["csv", "json"]))])
            .file()
            .ok("ImportSummary")
            .created("ImportSummary"),
        op(Get, "/directions", directions::list)
            .summary("Strategic directions and growth areas")
            .ok("DirectionList"),
        op(Post, "/directions", directions::create)
            .summary("Publish a strategic direction")
            .admin()
            .json("DirectionBody")
            .created("Direction"),
        op(Get, "/directions/{id}", directions::get)
            .summary("A direction with its roles, and the opportunities and people shared with the caller")
            .ok("DirectionView"),
        op(Post, "/directions/{id}", directions::update)
            .summary("Change a strategic direction")
            .admin()
            .json("DirectionBody")
            .ok("Direction"),
        op(Post, "/opportunities", opportunities::create)
            .summary("Start a leadership opportunity (private until shared)")
            .json("OpportunityBody")
            .created("Opportunity"),
        op(Get, "/opportunities/mine", opportunities::mine)
            .summary("The caller's own opportunities")
            .ok("OpportunityList"),
        op(Get, "/opportunities/{id}", opportunities::get)
            .summary("An opportunity shared with the caller: value proposition, coach, history, proposals, pilot")
            .ok("OpportunityView"),
        op(Post, "/opportunities/{id}", opportunities::update)
            .summary("Change one's own opportunity and its value proposition")
            .json("OpportunityBody")
            .ok("Opportunity")
            .also(&[403]),
        op(Post, "/opportunities/{id}/move", opportunities::move_stage)
            .summary("Move one's own opportunity to another stage (illegal moves are 422)")
            .json("StageMoveBody")
            .ok("Opportunity")
            .also(&[403]),
        op(Get, "/proposals", proposals::list)
            .summary("Proposals the caller sent (with ask-again prompts) and received; for talent admins, when the organisation allows, also every proposal (organisation)")
            .ok("ProposalLists"),
        op(Post, "/proposals", proposals::create)
            .summary("Propose one's opportunity to a sponsor with the ask")
            .json("ProposalBody")
            .created("Proposal")
            .also(&[403, 404]),
        op(Get, "/proposals/{id}", proposals::get)
            .summary("A proposal and every ask (owner and sponsor only)")
            .ok("ProposalView"),
        op(Post, "/proposals/{id}/answer", proposals::answer)
            .summary("Answer as the sponsor: support, tell_me_more, not_now (with a reason)")
            .json("AnswerBody")
            .ok("ProposalView")
            .also(&[403, 409]),
        op(Post, "/proposals/{id}/ask-again", proposals::ask_again)
            .summary("Ask again as the owner (recorded)")
            .json("AskAgainBody")
            .ok("ProposalView")
            .also(&[403]),
        op(Post, "/opportunities/{id}/pilot", pilots::start)
            .summary("Start the pilot of one's own opportunity once a sponsor supported it")
            .json("PilotBody")
            .created("PilotView")
            .also(&[403, 409]),
        op(Get, "/pilots", pilots::list)
            .summary("Pilots the caller runs (mine) and sponsors (sponsored), running ones first")
            .ok("PilotLists"),
        op(Get, "/pilots/{id}", pilots::get)
            .summary("A pilot with its check-ins (owner and sponsor only)")
            .ok("PilotView"),
        op(Post, "/pilots/{id}/check-ins", pilots::check_in)
            .summary("Add a check-in note as the owner or the sponsor while the pilot runs")
            .json("CheckInBody")
            .created("PilotView")
            .also(&[403]),
        op(Post, "/pilots/{id}/end", pilots::end)
            .summary("End one's own pilot with an outcome and a reflection; new_role creates the role (and the move) in one transaction; the sponsor gets 403")
            .json("PilotEndBody")
            .ok("PilotView")
            .also(&[403]),
        op(Get, "/sponsors/{id}", proposals::sponsor)
            .summary("A sponsor's record (the sponsor, their manager, talent admins)")
            .ok("SponsorRecord")
            .also(&[403]),
        op(Get, "/settings/proposals", settings::get)
            .summary("The organisation's proposal settings: days before ask again, whether talent admins read proposals")
            .admin()
            .ok("ProposalSettings"),
        op(Put, "/settings/proposals", settings::put)
            .summary("Change the proposal settings (audited)")
            .admin()
            .json("ProposalSettingsBody")
            .ok("ProposalSettings"),
        op(Get, "/compass", compass::mine)
            .summary("The caller's own career compass, every section")
            .ok("CompassView"),
        op(Put, "/compass/factors", compass::save_factors)
            .summary("Rank the four factors (status, autonomy, meaning, learning) and say how well the job meets each")
            .json("FactorsBody")
            .ok("CompassView"),
        op(Post, "/compass/values", compass::add_value)
            .summary("Add a personal value")
            .json("ValueBody")
            .created("CompassValue"),
        op(Delete, "/compass/values/{id}", compass::remove_value)
            .summary("Remove a personal value")
            .no_content(),
        op(Post, "/compass/skills", compass::save_skill)
            .summary("Add or change a skill: taxonomy id, exact label, or a new label; level 1-5")
            .json("CompassSkillBody")
            .ok("CompassSkillLine"),
        op(Delete, "/compass/skills/{id}", compass::remove_skill)
            .summary("Remove a skill")
            .no_content(),
        op(Put, "/compass/aspirations", compass::save_aspirations)
            .summary("Rewrite interests and aspirations")
            .json("AspirationsBody")
            .ok("CompassView"),
        op(Post, "/compass/roles", compass::add_role)
            .summary("Add a target role from the catalogue (code or exact title)")
            .json("TargetRoleBody")
            .created("CompassTargetRole")
            .also(&[409]),
        op(Delete, "/compass/roles/{code}", compass::remove_role)
            .summary("Remove a target role")
            .no_content(),
        op(Put, "/compass/visibility", compass::set_visibility)
            .summary("Choose who sees a compass section: private, manager, talent_team, everyone")
            .json("VisibilityBody")
            .ok("VisibilityChoice"),
        op(Get, "/compass/history", compass::history)
            .summary("Every change to the caller's compass, with chart series")
            .ok("CompassHistory"),
        op(Get, "/compass/shared", compass::shared)
            .summary("People who share part of their compass with the caller")
            .ok("SharedCompasses"),
        op(Get, "/people/{id}/compass", compass::person)
            .summary("A person's compass: only the sections they share with the caller")
            .ok("CompassView"),
        op(Get, "/people/{id}/compass/history", compass::person_history)
            .summary("A person's compass history, limited to the sections they share with the caller")
            .ok("CompassHistory"),
        op(Get, "/customers", customers::list)
            .summary("The caller's internal customers, next contact soonest first (private)")
            .ok("CustomerList"),
        op(Post, "/customers", customers::create)
            .summary("Add an internal customer: a colleague or a team")
            .json("CustomerBody")
            .created("CustomerLine"),
        op(Get, "/customers/{id}", customers::get)
            .summary("One of the caller's customers with conversations, needs and follow-ups")
            .ok("CustomerView"),
        op(Put, "/customers/{id}", customers::update)
            .summary("Change one of the caller's customers")
            .json("CustomerBody")
            .ok("CustomerLine"),
        op(Delete, "/customers/{id}", customers::delete)
            .summary("Remove one of the caller's customers (conversations are kept)")
            .no_content(),
        op(Get, "/conversations", conversations::list)
            .summary("The caller's discovery conversations, newest first (private)")
            .ok("ConversationList"),
        op(Post, "/conversations", conversations::create)
            .summary("Log a conversation with questions, needs discovered and follow-ups, all or nothing")
            .json("ConversationBody")
            .created("ConversationView"),
        op(Get, "/conversations/{id}", conversations::get)
            .summary("One of the caller's conversations, each question judged by the coach")
            .ok("ConversationView"),
        op(Delete, "/conversations/{id}", conversations::delete)
            .summary("Delete one of the caller's conversations")
            .no_content(),
        op(Get, "/follow-ups", conversations::follow_ups)
            .summary("Open follow-ups due within a week or overdue (all open ones with all=true)")
            .query(&[("all", Bool)])
            .ok("FollowUpList"),
        op(Put, "/follow-ups/{id}", conversations::set_follow_up)
            .summary("Mark a follow-up done or open")
            .json("DoneBody")
            .ok("FollowUpDone"),
        op(Get, "/needs", conversations::needs)
            .summary("Needs discovered in the caller's conversations")
            .ok("NeedList"),
        op(Post, "/coach/question", coach::question)
            .summary("Judge a question: openness, focus, leading, multiple, reasons, reframe")
            .json("TextBody")
            .ok("QuestionJudgement"),
        op(Post, "/coach/pitch", coach::pitch)
            .summary("Judge a pitch: self vs customer share, phrases to reconsider, suggested opening")
            .json("TextBody")
            .ok("PitchVerdict"),
        op(Get, "/questions", coach::bank)
            .summary("The bank of open questions by theme")
            .query(&[("theme", Text)])
            .ok("QuestionBank"),
        op(Get, "/asks", asks::list)
            .summary("The caller's asks (with when to ask again) and the asks put to them")
            .ok("AskLists"),
        op(Post, "/asks", asks::create)
            .summary("Record an ask of the caller's manager, or of someone above them")
            .json("NewAskBody")
            .created("AskDetail"),
        op(Get, "/asks/{id}", asks::get)
            .summary("An ask the caller made or was asked, with its history")
            .ok("AskDetail"),
        op(Post, "/asks/{id}/answer", asks::answer)
            .summary("Record the answer to a waiting ask: yes, partly or not now")
            .json("AskAnswerBody")
            .ok("AskDetail"),
        op(Post, "/asks/{id}/again", asks::again)
            .summary("Ask again (the asker only), saying what changed")
            .json("AskAgainBody")
            .ok("AskDetail")
            .also(&[403]),
        op(Post, "/asks/{id}/withdraw", asks::withdraw)
            .summary("Withdraw an ask (the asker only)")
            .ok("AskDetail")
            .also(&[403]),
        op(Get, "/guides", guides::list)
            .summary("Career-conversation guides for managers: open questions, what to listen for, what to avoid, an example")
            .ok("GuideList"),
        op(Get, "/guides/{slug}", guides::get)
            .summary("One career-conversation guide")
            .ok("Guide"),
        op(Post, "/guides/{slug}/practice", guides::practice)
            .summary("Judge up to five drafted coaching questions: the coach's verdict, career pitfalls, the guide's closest question")
            .json("PracticeBody")
            .ok("PracticeResult"),
        op(Get, "/plans", plans::list)
            .summary("The caller's career plans, plans their reports share with them, and the start-early prompt")
            .ok("PlanLists"),
        op(Post, "/plans", plans::create)
            .summary("Start a career plan (private unless sharing is manager) with goals, growth items and milestones")
            .json("PlanBody")
            .created("PlanView"),
        op(Get, "/plans/draft", plans::draft)
            .summary("A plan drafted from a path to a target role (not saved): the goal, the gaps and what could close them")
            .query(&[("from", Text), ("to", Text), ("path", Count)])
            .ok("PlanDraft"),
        op(Get, "/plans/{id}", plans::get)
            .summary("A plan (owner, or the manager it is shared with): items, business case coach, milestones, reviews, alignment")
            .ok("PlanView"),
        op(Put, "/plans/{id}", plans::update)
            .summary("Change one's own plan: title, business case, cadence, sharing")
            .json("PlanBody")
            .ok("PlanView")
            .also(&[403]),
        op(Delete, "/plans/{id}", plans::delete)
            .summary("Delete one's own plan")
            .no_content()
            .also(&[403]),
        op(Put, "/plans/{id}/sharing", plans::sharing)
            .summary("Share one's own plan with one's manager, or make it private")
            .json("PlanSharingBody")
            .ok("PlanView")
            .also(&[403]),
        op(Post, "/plans/{id}/items", plans::add_item)
            .summary("Add a goal or growth item to one's own plan")
            .json("PlanItemBody")
            .created("PlanItemRow")
            .also(&[403]),
        op(Put, "/plans/{id}/items/{sub}", plans::item_done)
            .summary("Mark an item of one's own plan done or not")
            .json("DoneBody")
            .no_content()
            .also(&[403]),
        op(Delete, "/plans/{id}/items/{sub}", plans::remove_item)
            .summary("Remove an item from one's own plan")
            .no_content()
            .also(&[403]),
        op(Post, "/plans/{id}/milestones", plans::add_milestone)
            .summary("Add a dated milestone to one's own plan")
            .json("MilestoneBody")
            .created("MilestoneRow")
            .also(&[403]),
        op(Put, "/plans/{id}/milestones/{sub}", plans::milestone_done)
            .summary("Mark a milestone of one's own plan done (today) or open")
            .json("DoneBody")
            .no_content()
            .also(&[403]),
        op(Delete, "/plans/{id}/milestones/{sub}", plans::remove_milestone)
            .summary("Remove a milestone from one's own plan")
            .no_content()
            .also(&[403]),
        op(Post, "/plans/{id}/reviews", plans::add_review)
            .summary("Log a review: the owner, or the manager of a plan shared with them")
            .json("ReviewBody")
            .created("ReviewRow")
            .also(&[403]),
        op(Get, "/placements", placements::list)
            .summary("Open placements (projects, gigs, shadowing, secondments, …), searched by words and filtered by type, skill, location and hours a week")
            .query(&[("q", Text), ("kind", Text), ("skill", Text), ("location", Text), ("max_hours", Int), ("page", Int)])
            .ok("PlacementList"),
        op(Post, "/placements", placements::create)
            .summary("Post a placement (talent admins, managers, and any employee while the organisation allows it)")
            .json("PlacementBody")
            .created("Placement")
            .also(&[403]),
        op(Get, "/placements/{id}", placements::get)
            .summary("A placement with its skills and directions (a draft: its owner and talent admins only)")
            .ok("Placement"),
        op(Put, "/placements/{id}", placements::update)
            .summary("Change one's own placement (talent admins: any); the status moves draft → open → filled or closed")
            .json("PlacementBody")
            .ok("Placement")
            .also(&[403]),
        op(Delete, "/placements/{id}", placements::delete)
            .summary("Delete one's own placement (talent admins: any)")
            .no_content()
            .also(&[403]),
        op(Get, "/placements/for-me", placements::for_me)
            .summary("Open placements picked for the caller, best first (limit 1-20, default 10), each with its score and the reasons behind it, whose points sum to the score")
            .query(&[("limit", Count)])
            .ok("PlacementRecommendationList"),
        op(Post, "/placements/{id}/not-for-me", placements::not_for_me)
            .summary("Mark a placement not for me, with a reason (wrong_skills, wrong_factors, no_time, not_this_kind, other); what is picked for the caller changes at once")
            .json("NotForMeBody")
            .no_content(),
        op(Get, "/placements/mine", placements::mine)
            .summary("The caller's side of the marketplace: what they posted (with how many wait for an answer), their interests (status, the owner's reason, confidential, the pitch coach's reading of the note) and invitations")
            .ok("MyPlacements"),
        op(Post, "/placements/{id}/interests", placements::express_interest)
            .summary("Express interest in an open placement with a short note (or answer an invitation to it); confidential keeps it from the caller's manager")
            .json("InterestBody")
            .created("PlacementInterest"),
        op(Get, "/placements/{id}/interests", placements::interests)
            .summary("The people interested in or invited to one's own placement (talent admins: any), waiting first: person, status, note, match score and reasons from what each shares with the caller, and the sections shared")
            .ok("InterestedPersonList")
            .also(&[403]),
        op(Get, "/placements/{id}/candidates", placements::candidates)
            .summary("Discoverable people who would fit one's own placement (talent admins: any), best first, with score and reasons; people already interested or invited are left out")
            .ok("PlacementCandidateList")
            .also(&[403]),
        op(Post, "/placements/{id}/invitations", placements::invite)
            .summary("Invite someone to one's own open placement with a note they will read (204)")
            .json("InvitationBody")
            .no_content()
            .also(&[403]),
        op(Post, "/placement-interests/{id}/decision", placements::decide)
            .summary("Accept or decline a waiting interest in one's own placement; a decline needs a reason, which the person reads; accepting the last place fills the placement")
            .json("DecisionBody")
            .no_content(),
        op(Post, "/placement-interests/{id}/withdrawal", placements::withdraw)
            .summary("Take back one's own interest while it is still waiting")
            .no_content(),
        op(Put, "/placement-interests/{id}/confidential", placements::confidential)
            .summary("Keep one's own interest from one's manager (true), or let them see it (false)")
            .json("ConfidentialBody")
            .no_content(),
        op(Get, "/placements/team", placements::team)
            .summary("The interests of the caller's reports, as their manager is told of them (confidential ones left out; empty for someone who manages nobody)")
            .ok("TeamPlacementInterestList"),
        op(Get, "/placements/profile", placements::profile)
            .summary("The caller's marketplace profile: discoverable as a candidate or not, hours a week free")
            .ok("PlacementProfile"),
        op(Put, "/placements/profile", placements::save_profile)
            .summary("Save the caller's marketplace profile: discoverable (off by default), hours_available 0-40 or null for not said")
            .json("PlacementProfileBody")
            .ok("PlacementProfile"),
        op(Get, "/openapi.json", openapi::openapi)
            .summary("This document")
            .public()
            .ok("OpenApiDocument"),
    ]
}
