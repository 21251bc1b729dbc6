// react-admin's layout with a user menu that says who is signed in, with which role and where.
import BadgeIcon from '@mui/icons-material/Badge'
import { ListItemIcon, ListItemText, MenuItem } from '@mui/material'
import type { ReactNode } from 'react'
import { AppBar, Layout, Logout, UserMenu, useGetIdentity, useLocaleState, useTranslate } from 'react-admin'
import type { Operator } from '../providers/authProvider.ts'

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
  return (
    <UserMenu>
      <Identity />
      <Logout />
    </UserMenu>
  )
}

function HubAppBar() {
  return <AppBar userMenu={<HubUserMenu />} />
}

export function HubLayout({ children }: { children: ReactNode }) {
  return <Layout appBar={HubAppBar}>{children}</Layout>
}
