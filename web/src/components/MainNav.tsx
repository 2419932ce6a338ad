import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { hasRole, type useMe } from "./hooks";
import { navItems, type Viewer, visibleTo } from "./nav-items";
import { useDisclosure } from "./use-disclosure";
import "./MainNav.css";

type Me = ReturnType<typeof useMe>["data"];

/**
 * The header's navigation, from nav-items.ts: a row of links, the managers'
 * links in a "Gestion" menu, and on a narrow screen one "Menu" button that
 * shows the whole list.
 */
export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const viewer: Viewer = {
    signedIn: !!me,
    cfa: !!me?.memberships.some((m) => m.organisation.kind === "cfa"),
    manager: hasRole(me, "programme_manager"),
    admin: hasRole(me, "platform_admin"),
  };
  const items = navItems.filter((item) => visibleTo(item, viewer));
  const main = items.filter((item) => item.group === "main");
  const manage = items.filter((item) => item.group === "manage");
  const menu = useDisclosure<HTMLDivElement>();
  const manageMenu = useDisclosure<HTMLUListElement>();

  return (
    <nav aria-label={t("layout.mainNav")} className="main-nav">
      <button className="main-nav__toggle" {...menu.buttonProps}>
        <span aria-hidden="true">☰</span> {t("nav.menu")}
      </button>
      <div
        className="main-nav__panel"
        data-open={menu.open}
        ref={menu.regionProps.ref}
        id={menu.regionProps.id}
      >
        <ul>
          {main.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === "/"}>
                {t(item.label)}
              </NavLink>
            </li>
          ))}
          {manage.length > 0 ? (
            <li className="main-nav__group">
              <button className="main-nav__menu-button" {...manageMenu.buttonProps}>
                {t("nav.manage")} <span aria-hidden="true">▾</span>
              </button>
              <ul className="main-nav__submenu" {...manageMenu.regionProps}>
                {manage.map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to}>{t(item.label)}</NavLink>
                  </li>
                ))}
              </ul>
            </li>
          ) : null}
        </ul>
      </div>
    </nav>
  );
}
