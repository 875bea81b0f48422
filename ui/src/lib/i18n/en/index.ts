// One JSON file per area of the app, so that areas do not edit each other's texts.
import app from "./app.json";
import nav from "./nav.json";
import teams from "./teams.json";
import roles from "./roles.json";
import errors from "./errors.json";
import consistency from "./consistency.json";
import rubrics from "./rubrics.json";
import members from "./members.json";
import candidates from "./candidates.json";
import scoring from "./scoring.json";
import training from "./training.json";
import exports from "./exports.json";
import help from "./help.json";
import own from "./own.json";
import report from "./report.json";
import posts from "./posts.json";

export default { app, nav, teams, roles, errors, consistency, rubrics, members, candidates, scoring, training, exports, help, own, report, posts };
