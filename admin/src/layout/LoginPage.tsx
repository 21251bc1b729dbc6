// The sign-in page: Chinese first (the console's default language), English one click away.
import LockIcon from '@mui/icons-material/Lock'
import {
  Alert,
  Avatar,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material'
import { type FormEvent, useState } from 'react'
import { LocalesMenuButton, useLogin, useTranslate } from 'react-admin'

export default function LoginPage() {
  const translate = useTranslate()
  const login = useLogin()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await login({ username: username.trim(), password })
    } catch (failure) {
      setError((failure as Error).message || translate('ra.auth.sign_in_error'))
      setBusy(false)
    }
  }

  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
        position: 'relative',
      }}
    >
      <Box sx={{ position: 'absolute', top: 8, right: 8 }}>
        <LocalesMenuButton />
      </Box>
      <Card sx={{ width: 380, maxWidth: '92vw' }}>
        <CardContent component="form" onSubmit={submit} noValidate>
          <Stack spacing={2} alignItems="center">
            <Avatar sx={{ bgcolor: 'primary.main' }}>
              <LockIcon />
            </Avatar>
            <Typography variant="h5" component="h1">
              {translate('hub.title')}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('hub.login.subtitle')}
            </Typography>
            {error ? (
              <Alert severity="error" sx={{ width: '100%' }} data-testid="login-error">
                {translate(error, { _: error })}
              </Alert>
            ) : null}
            <TextField
              name="username"
              label={translate('ra.auth.username')}
              autoComplete="username"
              autoFocus
              required
              fullWidth
              value={username}
              onChange={(event) => setUsername(event.target.value)}
            />
            <TextField
              name="password"
              type="password"
              label={translate('ra.auth.password')}
              autoComplete="current-password"
              required
              fullWidth
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <Button
              type="submit"
              variant="contained"
              fullWidth
              disabled={busy || !username.trim() || !password}
              startIcon={busy ? <CircularProgress size={18} color="inherit" /> : null}
            >
              {translate('ra.auth.sign_in')}
            </Button>
            <Typography variant="caption" color="text.secondary" textAlign="center">
              {translate('hub.login.help')}
            </Typography>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  )
}
