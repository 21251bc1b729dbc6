// react-admin's layout with a user menu that says who is signed in, with which role and where,
// and a few accessibility repairs of react-admin's own markup.
import BadgeIcon from '@mui/icons-material/Badge'
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material'
import { type ReactNode, useEffect } from 'react'
import { AppBar, Layout, Logout, UserMenu, useGetIdentity, useLocaleState, useTranslate } from 'react-admin'
import { ShortcutHelp } from '../common/shortcuts.tsx'
import { ReadingBar, ReadingSync } from '../governance/ReadingBar.tsx'
import { LiveUpdates } from '../live/LiveUpdates.tsx'
import type { Operator } from '../providers/authProvider.ts'
import { HubMenu } from './HubMenu.tsx'

function Identity() {
  const { identity } = useGetIdentity()
  const translate = useTranslate()
  const [locale] = useLocaleState()
  if (!identity) return null
  const operator = identity as unknown as Operator & { fullName: string }
  const division = operator.division
    ? (locale === 'en' && operator.division.nameEn) || operator.division.nameZh
    : translate('hub.users.wholeHub')
  return (
    <MenuItem disabled sx={{ '&.Mui-disabled': { opacity: 1 } }} data-testid="identity">
      <ListItemIcon>
        <BadgeIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText
        primary={`${operator.fullName} (${operator.username})`}
        secondary={`${translate(`enums.Role.${operator.role}`)} · ${division}`}
      />
    </MenuItem>
  )
}

function HubUserMenu() {
  const { identity } = useGetIdentity()
  const translate = useTranslate()
  const menu = translate('ra.auth.user_menu')
  // The button shows the operator's name: its accessible name must contain it (WCAG 2.5.3).
  return (
    <UserMenu label={identity?.fullName ? `${identity.fullName}（${menu}）` : menu}>
      <Identity />
      <Logout />
    </UserMenu>
  )
}

/**
 * The page's title ends in "…" where the bar runs out of room, a little apart from the buttons: the
 * title sits in react-admin's inline-block wrapper, which the title's own ellipsis cannot shorten,
 * so on a phone it was cut off mid-character under the language button.
 */
const titleThatFits = { '& .RaAppBar-title': { mr: 1, '& .RaConfigurable-root': { display: 'inline' } } }

function HubAppBar() {
  return <AppBar userMenu={<HubUserMenu />} sx={titleThatFits} />
}

/**
 * react-admin puts a row checkbox's aria-label on MUI's wrapping <span>, where it is not allowed,
 * and leaves the <input> without a name: move the label onto the input.
 */
function useCheckboxLabels() {
  useEffect(() => {
    const repair = () => {
      for (const span of document.querySelectorAll<HTMLElement>('span.MuiCheckbox-root[aria-label]')) {
        const input = span.querySelector('input')
        if (!input) continue
        if (!input.hasAttribute('aria-label')) input.setAttribute('aria-label', span.getAttribute('aria-label') ?? '')
        span.removeAttribute('aria-label')
      }
    }
    repair()
    const observer = new MutationObserver(repair)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => observer.disconnect()
  }, [])
}

export function HubLayout({ children }: { children: ReactNode }) {
  useCheckboxLabels()
  // react-admin's layout is at least as wide as its content (min-width: fit-content), and flex items
  // default to their content's width: with minWidth 0 a wide table scrolls inside the page instead
  // of pushing the page, and the buttons above it, past the window.
  return (
    <Layout
      appBar={HubAppBar}
      menu={HubMenu}
      sx={{
        minWidth: 0,
        '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content, & .RaShow-card, & .RaEdit-card, & .RaCreate-card, & .RaList-main':
          { minWidth: 0 },
        // Codes of townships and villages (530626101007) widen reference columns: a table wider than its
        // card scrolls inside it.
        '& .RaDatagrid-tableWrapper': { overflowX: 'auto' },
      }}
    >
      {/* One live connection while signed in: lists refresh, edit forms warn of others' changes. */}
      <LiveUpdates>
        <ReadingSync />
        <ReadingBar />
        {children}
      </LiveUpdates>
      <ShortcutHelp />
    </Layout>
  )
}
