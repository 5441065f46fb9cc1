// The browser explorer's files (web/), served by kg-server's HTTP listener.
//
//   GET /                          web_dir/index.html
//   GET /<name>.{html,js,css}      web_dir/<name>.<ext>, top-level files only
//   GET /vendor/cytoscape.min.js   the cytoscape build npm installed in
//                                  web_dir/node_modules
//
// A name is letters, digits, '_' and '-' before its extension, so no path
// can reach outside web_dir. The files hold no data and need no token; the
// page sends its calls to /api/v1 with the browser's token cookie.
#ifndef KG_SERVICES_HTTP_STATIC_FILES_H_
#define KG_SERVICES_HTTP_STATIC_FILES_H_

#include <string>

namespace httplib {
class Server;
}

namespace kg::services {

// Adds the routes above to `server`; a file missing from `web_dir` answers
// 404.
void AddStaticFileRoutes(const std::string& web_dir, httplib::Server& server);

}  // namespace kg::services

#endif  // KG_SERVICES_HTTP_STATIC_FILES_H_
